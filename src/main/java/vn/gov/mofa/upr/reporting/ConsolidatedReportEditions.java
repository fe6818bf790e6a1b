package vn.gov.mofa.upr.reporting;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Which edition of a round's consolidated report a reader gets. MOFA: the approved edition as it was kept at the
 * leader's decision once there is one, otherwise a draft generated now ("Dự thảo" with the time). An agency: an extract
 * of its own recommendations generated now (the kept editions hold every agency's). The decision itself is
 * {@link #keep}: both files generated once, with their SHA-256, the leader's full name and the time.
 */
@Service
public class ConsolidatedReportEditions {

    private final ReportingRounds rounds;
    private final ConsolidatedReports reports;
    private final ReportEditions editions;
    private final ReportFileNames names;
    private final ConsolidatedReportDocument document;
    private final ConsolidatedReportWorkbook workbook;
    private final Clock clock;

    public ConsolidatedReportEditions(ReportingRounds rounds, ConsolidatedReports reports, ReportEditions editions,
            ReportFileNames names, ConsolidatedReportDocument document, ConsolidatedReportWorkbook workbook, Clock clock) {
        this.rounds = rounds;
        this.reports = reports;
        this.editions = editions;
        this.names = names;
        this.document = document;
        this.workbook = workbook;
        this.clock = clock;
    }

    /** The file a reader gets from the round's report address; empty when there is no such round. */
    public Optional<ReportDownload> current(String roundId, List<String> visibleAgencies, ReportFormat format) {
        return rounds.find(roundId).map(round -> {
            if (visibleAgencies == null) {
                Optional<StoredEdition> approved = editions.approvedOf(roundId);
                if (approved.isPresent()) {
                    return stored(approved.get(), format);
                }
            }
            LocalDateTime now = LocalDateTime.now(clock);
            Edition edition = visibleAgencies == null ? Edition.draft(now) : Edition.extract(now);
            return generated(round, visibleAgencies, edition, format);
        });
    }

    public ReportDownload stored(StoredEdition edition, ReportFormat format) {
        return new ReportDownload(format == ReportFormat.DOCX ? edition.docxName() : edition.xlsxName(), file(format).contentType(),
                editions.content(edition.id(), format));
    }

    /** Keeps the report as it stands at the leader's decision (approved, or returned with the comment). */
    void keep(String roundId, Edition.Kind kind, String leaderId, String leaderName, String comment) {
        ReportingRound round = rounds.find(roundId).orElseThrow();
        Instant at = clock.instant();
        Edition edition = new Edition(kind, LocalDateTime.ofInstant(at, clock.getZone()), leaderName, comment);
        ReportDownload docx = generated(round, null, edition, ReportFormat.DOCX);
        ReportDownload xlsx = generated(round, null, edition, ReportFormat.XLSX);
        editions.add(roundId, kind, leaderId, leaderName, at, comment, kept(docx), kept(xlsx));
    }

    private ReportDownload generated(ReportingRound round, List<String> visibleAgencies, Edition edition, ReportFormat format) {
        ReportFile file = file(format);
        return new ReportDownload(names.consolidated(round, edition, format), file.contentType(),
                file.bytesOf(reports.of(round, visibleAgencies, edition)));
    }

    private ReportFile file(ReportFormat format) {
        return format == ReportFormat.DOCX ? document : workbook;
    }

    private static ReportEditions.File kept(ReportDownload download) {
        return new ReportEditions.File(download.fileName(), download.content(), sha256(download.content()));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
