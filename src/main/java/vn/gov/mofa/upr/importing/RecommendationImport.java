package vn.gov.mofa.upr.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.gov.mofa.upr.agency.Agency;
import vn.gov.mofa.upr.agency.AgencyDirectory;
import vn.gov.mofa.upr.recommendation.AgencyAssignment;
import vn.gov.mofa.upr.recommendation.Recommendation;
import vn.gov.mofa.upr.recommendation.RecommendationRegistry;
import vn.gov.mofa.upr.workflow.DeadlineSettings;
import vn.gov.mofa.upr.workflow.RecommendationWorkflow;

/**
 * Imports a recommendation list (annex CSV/XLSX or OHCHR thematic list DOCX) into the registry and starts one
 * process per supported recommendation. All or nothing: a file with any bad row writes nothing. Importing the
 * same file again changes nothing; a newer annex updates what changed; nothing is ever removed by an import.
 */
@Service
public class RecommendationImport {

    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private final List<RecommendationFileReader> readers = List.of(
            new AnnexCsvReader(), new AnnexXlsxReader(), new ThematicListDocxReader());
    private final AgencyDirectory agencies;
    private final RecommendationRegistry registry;
    private final RecommendationWorkflow workflow;
    private final AgencySuggestions suggestions;
    private final DeadlineSettings deadlines;
    private final ImportLog log;
    private final TransactionTemplate transaction;

    public RecommendationImport(AgencyDirectory agencies, RecommendationRegistry registry, RecommendationWorkflow workflow,
            AgencySuggestions suggestions, DeadlineSettings deadlines, ImportLog log, TransactionTemplate transaction) {
        this.agencies = agencies;
        this.registry = registry;
        this.workflow = workflow;
        this.suggestions = suggestions;
        this.deadlines = deadlines;
        this.log = log;
        this.transaction = transaction;
    }

    /** @param importedBy the MOFA user who uploads the file, for the import log */
    public ImportReport importFile(String filename, byte[] content, Integer cycle, boolean dryRun, String importedBy) {
        if (content.length > MAX_BYTES) {
            return ImportReport.rejected(List.of(new RowError(0, "Tệp quá lớn (" + content.length / (1024 * 1024)
                    + " MB); giới hạn là " + MAX_BYTES / (1024 * 1024) + " MB")), dryRun);
        }
        if (content.length == 0) {
            return ImportReport.rejected(List.of(new RowError(0, "Tệp rỗng")), dryRun);
        }
        byte[] head = Arrays.copyOf(content, Math.min(content.length, 16));
        RecommendationFileReader reader = readers.stream().filter(r -> r.accepts(filename, head)).findFirst().orElse(null);
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
        return transaction.execute(status -> {
            ImportReport report = workflow.inOneFlush(() -> apply(entries, dryRun));
            if (dryRun || !report.ok()) {
                status.setRollbackOnly();
            } else {
                log.record(filename, importedBy, report);
            }
            return report;
        });
    }

    /** A row whose agencies are known codes. */
    private record Entry(ImportRow row, String lead, List<String> coordinating) {
    }

    private java.util.Optional<Entry> resolve(ImportRow row, List<RowError> errors) {
        int before = errors.size();
        String lead = null;
        if (row.leadAgency() != null && !row.leadAgency().isBlank()) {
            lead = agencies.resolve(row.leadAgency()).map(Agency::code).orElse(null);
            if (lead == null) {
                errors.add(new RowError(row.line(), "Cơ quan chủ trì không xác định: '" + row.leadAgency()
                        + "' (dùng mã như 'mps', tên tiếng Việt hoặc tiếng Anh)"));
            }
        }
        List<String> coordinating = new ArrayList<>();
        for (String name : row.coordinatingAgencies()) {
            agencies.resolve(name).map(Agency::code).ifPresentOrElse(coordinating::add,
                    () -> errors.add(new RowError(row.line(), "Cơ quan phối hợp không xác định: '" + name + "'")));
        }
        return errors.size() == before ? java.util.Optional.of(new Entry(row, lead, coordinating)) : java.util.Optional.empty();
    }

    private ImportReport apply(List<Entry> entries, boolean dryRun) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int tracked = 0;
        List<RowError> pending = new ArrayList<>();
        for (Entry entry : entries) {
            ImportRow row = entry.row();
            var existing = registry.find(row.cycle(), row.number());
            if (existing.isEmpty()) {
                Recommendation fresh = recommendation(entry, null);
                if (fresh.tracked()) {
                    fresh = fresh.followedBy(start(fresh));
                    tracked++;
                }
                registry.insert(fresh);
                created++;
            } else {
                Recommendation merged = recommendation(entry, existing.get());
                if (merged.equals(existing.get())) {
                    unchanged++;
                    continue;
                }
                if (merged.processInstanceId() != null && workflow.firstStepPending(merged.processInstanceId())) {
                    // its first task is being made from the values of the import just before: a change now could be lost
                    pending.add(new RowError(row.line(), "Khuyến nghị " + row.number()
                            + " vừa được nhập và đang được chuyển tới cơ quan; chưa nhập gì, hãy nhập lại tệp sau vài giây"));
                    continue;
                }
                registry.update(merged);
                if (merged.processInstanceId() != null) {
                    workflow.update(merged.processInstanceId(), merged, assignment(merged));
                } else if (merged.tracked()) {
                    registry.recordProcessInstance(merged.cycle(), merged.number(), start(merged));
                    tracked++;
                }
                updated++;
            }
        }
        return pending.isEmpty() ? new ImportReport(created, updated, unchanged, tracked, dryRun, List.of())
                : ImportReport.rejected(pending, dryRun);
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
        LocalDate planDue = pick(row.planDueDate(), old == null ? defaultPlanDueDate() : old.planDueDate());
        return new Recommendation(row.cycle(), row.number(), row.text(), pick(row.textVi(), old == null ? null : old.textVi()),
                row.recommendingStates(), row.response().name(), pick(row.sourceOfPosition(), old == null ? null : old.sourceOfPosition()),
                pickList(row.themes(), old == null ? null : old.themes()), pickList(row.sdgs(), old == null ? null : old.sdgs()),
                pickList(row.affectedPersons(), old == null ? null : old.affectedPersons()), taskGroup, lead, coordinating,
                confirmed, planDue, pick(row.dueDate(), old == null ? null : old.dueDate()),
                supported || (old != null && old.tracked()), old == null ? null : old.processInstanceId(),
                old == null ? null : old.implementationStatus(), old == null ? null : old.finalStatus());
    }

    private static AgencyAssignment assignment(Recommendation r) {
        return r.assignmentConfirmed() && r.leadAgency() != null
                ? new AgencyAssignment(r.leadAgency(), r.coordinatingAgencies(), r.taskGroup(), r.planDueDate())
                : null;
    }

    private LocalDate defaultPlanDueDate() {
        return ClockUtil.getCurrentTime().toInstant().atZone(DeadlineSettings.ZONE).toLocalDate().plusDays(deadlines.planDueDays());
    }

    private static <T> T pick(T fromFile, T existing) {
        return fromFile != null && !(fromFile instanceof String s && s.isBlank()) ? fromFile : existing;
    }

    private static List<String> pickList(List<String> fromFile, List<String> existing) {
        return fromFile.isEmpty() && existing != null ? existing : fromFile;
    }

}
