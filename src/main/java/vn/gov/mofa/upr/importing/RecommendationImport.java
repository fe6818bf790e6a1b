package vn.gov.mofa.upr.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.gov.mofa.upr.agency.AgencyNames;
import vn.gov.mofa.upr.monitoring.BusinessEvent;
import vn.gov.mofa.upr.monitoring.EventCounters;
import vn.gov.mofa.upr.recommendation.AgencyAssignment;
import vn.gov.mofa.upr.recommendation.Recommendation;
import vn.gov.mofa.upr.recommendation.RecommendationRegistry;
import vn.gov.mofa.upr.recommendation.RecommendationWorkflow;
import vn.gov.mofa.upr.workflow.Deadlines;

/**
 * Imports a recommendation list (annex CSV/XLSX or OHCHR thematic list DOCX) into the registry and starts one
 * process per supported recommendation. All or nothing: a file with any bad row writes nothing. Importing the
 * same file again changes nothing; a newer annex updates what changed; nothing is ever removed by an import.
 */
@Service
public class RecommendationImport {

    private final List<RecommendationFileReader> readers;
    private final ImportLimits limits;
    private final AgencyNames agencies;
    private final RecommendationRegistry registry;
    private final RecommendationWorkflow workflow;
    private final AgencySuggestions suggestions;
    private final Deadlines deadlines;
    private final ImportLog log;
    private final TransactionTemplate transaction;
    private final EventCounters counters;

    public RecommendationImport(ImportLimits limits, AgencyNames agencies, RecommendationRegistry registry,
            RecommendationWorkflow workflow, AgencySuggestions suggestions, Deadlines deadlines, ImportLog log,
            TransactionTemplate transaction, EventCounters counters) {
        // the decision's annex before the UN's thematic list: both are Word, the annex reader takes only annex tables
        this.readers = List.of(new AnnexCsvReader(limits), new AnnexXlsxReader(limits), new AnnexDocxReader(limits),
                new ThematicListDocxReader(limits));
        this.limits = limits;
        this.agencies = agencies;
        this.registry = registry;
        this.workflow = workflow;
        this.suggestions = suggestions;
        this.deadlines = deadlines;
        this.log = log;
        this.transaction = transaction;
        this.counters = counters;
    }

    /** @param importedBy the MOFA user who uploads the file, for the import log */
    public ImportReport importFile(String filename, byte[] content, Integer cycle, boolean dryRun, String importedBy) {
        if (content.length > limits.maxFileSize().toBytes()) {
            return ImportReport.rejected(List.of(RowError.ofFile(limits.tooLarge())), dryRun);
        }
        if (content.length == 0) {
            return ImportReport.rejected(List.of(new RowError(0, "Tệp rỗng")), dryRun);
        }
        RecommendationFileReader reader = readers.stream().filter(r -> r.accepts(filename, content)).findFirst().orElse(null);
        if (reader == null) {
            return ImportReport.rejected(List.of(new RowError(0,
                    "Không nhận dạng được tệp '" + filename + "': chỉ nhận CSV (UTF-8), XLSX hoặc DOCX danh sách khuyến nghị của LHQ")), dryRun);
        }
        ParsedFile parsed = reader.read(content, cycle);
        List<RowError> errors = new ArrayList<>(parsed.errors());
        List<Entry> entries = new ArrayList<>();
        for (ImportRow row : parsed.rows()) {
            resolve(row, errors).ifPresent(entries::add);
        }
        if (!errors.isEmpty()) {
            errors.sort((a, b) -> Integer.compare(a.row(), b.row()));
            return ImportReport.rejected(errors, dryRun);
        }
        if (dryRun) {
            return new Changes(entries).report(true);
        }
        ImportReport imported = transaction.execute(status -> workflow.inOneFlush(() -> {
            Changes changes = new Changes(entries);
            ImportReport report = changes.report(false);
            if (report.ok()) {
                changes.write();
                log.record(filename, importedBy, report);
                changes.logEvents(filename, importedBy);
            }
            return report;
        }));
        if (imported.ok()) {
            counters.imported();
        }
        return imported;
    }

    /** A row whose agencies are known codes. */
    private record Entry(ImportRow row, AnnexAgencies agencies) {

        String lead() {
            return agencies.lead();
        }

        List<String> coordinating() {
            return agencies.coordinating();
        }

        /**
         * What the annex said that no field of the registry holds, kept as the recommendation's note for MOFA and the
         * agency: phrases naming no agency, an ongoing deadline ("Thường xuyên"); null when nothing.
         */
        String note() {
            String deadline = row.ongoingDeadline() == null ? null : ONGOING_NOTE.formatted(row.ongoingDeadline());
            String note = Stream.of(agencies.note(), deadline).filter(Objects::nonNull).collect(Collectors.joining("; "));
            return note.isEmpty() ? null : note;
        }

        List<String> notices() {
            List<String> notices = new ArrayList<>(agencies.notices());
            if (row.ongoingDeadline() != null) {
                notices.add(ONGOING_NOTICE.formatted(row.ongoingDeadline()));
            }
            return notices;
        }
    }

    /** The note of a task without a deadline, in the words of the annex. */
    private static final String ONGOING_NOTE = "Thời hạn theo phụ lục: %s (nhiệm vụ thường xuyên, không có hạn hoàn thành cụ thể)";
    private static final String ONGOING_NOTICE = "Thời hạn \"%s\" là nhiệm vụ thường xuyên, không có hạn hoàn thành: đã ghi vào "
            + "ghi chú của khuyến nghị để Bộ Ngoại giao và cơ quan chủ trì cùng thấy.";

    private Optional<Entry> resolve(ImportRow row, List<RowError> errors) {
        Entry entry = new Entry(row, AnnexAgencies.of(row, agencies));
        List<String> problems = new ArrayList<>(entry.agencies().problems());
        problems.addAll(RegistryFieldLengths.problemsOf(row, entry.coordinating(), entry.note()));
        problems.forEach(problem -> errors.add(new RowError(row.line(), problem)));
        return problems.isEmpty() ? Optional.of(entry) : Optional.empty();
    }

    /**
     * What the entries change in the registry, decided before anything is written: a dry run reports it and
     * stops there, an import writes it. A recommendation whose first task is still being made is left alone
     * and refuses the file (a change now could miss the task).
     */
    private final class Changes {
        private final List<Recommendation> created = new ArrayList<>();
        private final List<Recommendation> updated = new ArrayList<>();
        private final List<RowError> pending = new ArrayList<>();
        private final List<RowNotice> notices = new ArrayList<>();
        private int unchanged;
        private int waitingForAssignment;
        private int viaOtherNames;
        private int notesKept;

        Changes(List<Entry> entries) {
            for (Entry entry : entries) {
                ImportRow row = entry.row();
                entry.notices().forEach(notice -> notices.add(new RowNotice(row.line(), notice)));
                viaOtherNames += entry.agencies().viaOtherNames();
                notesKept += entry.note() == null ? 0 : 1;
                var existing = registry.find(row.cycle(), row.number());
                Recommendation merged = recommendation(entry, existing.orElse(null));
                waitingForAssignment += merged.tracked() && !merged.assignmentConfirmed() ? 1 : 0;
                if (existing.isEmpty()) {
                    created.add(merged);
                    continue;
                }
                if (merged.equals(existing.get())) {
                    unchanged++;
                } else if (merged.processInstanceId() != null && workflow.firstStepPending(merged.processInstanceId())) {
                    pending.add(new RowError(row.line(), "Khuyến nghị " + row.number()
                            + " vừa được nhập và đang được chuyển tới cơ quan; chưa nhập gì, hãy nhập lại tệp sau vài giây"));
                } else {
                    updated.add(merged);
                }
            }
        }

        ImportReport report(boolean dryRun) {
            if (!pending.isEmpty()) {
                return ImportReport.rejected(pending, dryRun);
            }
            int tracked = (int) (created.stream().filter(Recommendation::tracked).count()
                    + updated.stream().filter(r -> r.tracked() && r.processInstanceId() == null).count());
            return new ImportReport(created.size(), updated.size(), unchanged, tracked, waitingForAssignment, viaOtherNames,
                    notesKept, dryRun, List.of(), List.copyOf(notices));
        }

        void write() {
            for (Recommendation fresh : created) {
                registry.insert(fresh.tracked() ? fresh.followedBy(start(fresh)) : fresh);
            }
            for (Recommendation merged : updated) {
                registry.update(merged);
                if (merged.processInstanceId() != null) {
                    workflow.update(merged.processInstanceId(), merged, assignment(merged));
                } else if (merged.tracked()) {
                    registry.recordProcessInstance(merged.cycle(), merged.number(), start(merged));
                }
            }
        }

        void logEvents(String filename, String importedBy) {
            created.forEach(r -> BusinessEvent.IMPORTED.log(r.businessKey(), "new, tracked {}, file {} by {}", r.tracked(),
                    filename, importedBy));
            updated.forEach(r -> BusinessEvent.IMPORTED.log(r.businessKey(), "changed, tracked {}, file {} by {}",
                    r.tracked(), filename, importedBy));
        }
    }

    /** Starts the process; MOFA's [AssignAgencies] gets a suggestion only when the file did not assign the agencies. */
    private String start(Recommendation r) {
        AgencyAssignment assignment = assignment(r);
        return workflow.start(r, assignment, assignment == null ? suggestions.suggest(r) : java.util.Map.of());
    }

    /** The file's values over the registry's: what the file leaves empty stays as it was (e.g. MOFA's assignment). */
    private Recommendation recommendation(Entry entry, Recommendation old) {
        ImportRow row = entry.row();
        boolean supported = row.response() == Response.SUPPORTED;
        String lead = pick(entry.lead(), old == null ? null : old.leadAgency());
        List<String> coordinating = entry.lead() != null || old == null ? entry.coordinating() : old.coordinatingAgencies();
        String taskGroup = pick(row.taskGroup(), old == null ? null : old.taskGroup());
        boolean confirmed = (old != null && old.assignmentConfirmed()) || (lead != null && taskGroup != null);
        LocalDate planDue = pick(row.planDueDate(), old == null ? deadlines.defaultPlanDueDate() : old.planDueDate());
        return new Recommendation(row.cycle(), row.number(), row.text(), pick(row.textVi(), old == null ? null : old.textVi()),
                row.recommendingStates(), row.response().name(), pick(row.sourceOfPosition(), old == null ? null : old.sourceOfPosition()),
                pickList(row.themes(), old == null ? null : old.themes()), pickList(row.sdgs(), old == null ? null : old.sdgs()),
                pickList(row.affectedPersons(), old == null ? null : old.affectedPersons()), taskGroup, lead, coordinating,
                confirmed, planDue, row.ongoingDeadline() != null ? null : pick(row.dueDate(), old == null ? null : old.dueDate()),
                supported || (old != null && old.tracked()), old == null ? null : old.processInstanceId(),
                old == null ? null : old.implementationStatus(), old == null ? null : old.finalStatus(),
                pick(entry.note(), old == null ? null : old.annexNote()));
    }

    private static AgencyAssignment assignment(Recommendation r) {
        return r.assignmentConfirmed() && r.leadAgency() != null
                ? new AgencyAssignment(r.leadAgency(), r.coordinatingAgencies(), r.taskGroup(), r.planDueDate())
                : null;
    }

    private static <T> T pick(T fromFile, T existing) {
        return fromFile != null && !(fromFile instanceof String s && s.isBlank()) ? fromFile : existing;
    }

    private static List<String> pickList(List<String> fromFile, List<String> existing) {
        return fromFile.isEmpty() && existing != null ? existing : fromFile;
    }

}
