package vn.gov.mofa.upr.reporting;

import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a consolidated report is made of: one entry per recommendation in the round's scope. The DOCX draft and
 * the XLSX workbook both print the counts computed here, so the two files always agree.
 */
public record ConsolidatedReport(String roundName, String roundKind /* MID_TERM, NATIONAL_REPORT, AD_HOC */,
        LocalDate agencyDeadline, LocalDate reportDeadline, Edition edition,
        String scope /* null: the whole round; otherwise which part of it the reader's agency sees */, List<Entry> entries,
        List<String> notRequested /* numbers in the round's scope it did not ask: no approved plan when it opened */) {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    /** Text shown for a task group or lead agency that the entry does not name. */
    static final String UNASSIGNED = "Chưa phân công";

    /** By cycle, then by recommendation number read naturally: 143.1, 143.1.1, 143.2, 143.10. */
    public static final Comparator<Entry> NUMBER_ORDER = Comparator.comparingInt(Entry::cycle)
            .thenComparing(Entry::number, Comparator.nullsLast(ConsolidatedReport::compareNumbers));

    public ConsolidatedReport {
        entries = entries == null ? List.of() : List.copyOf(entries);
        notRequested = notRequested == null ? List.of() : List.copyOf(notRequested);
    }

    /** Why a recommendation of the round has no approved report yet. */
    public enum Pending {
        MISSING("đã được yêu cầu báo cáo nhưng cơ quan chủ trì chưa gửi báo cáo (hoặc chưa gửi lại báo cáo bị trả lại)"),
        IN_REVIEW("đã có báo cáo của cơ quan chủ trì, đang chờ Bộ Ngoại giao thẩm định");

        private final String reason;

        Pending(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    public LocalDate generatedOn() {
        return edition.at().toLocalDate();
    }

    /** The numbers of the entries without an approved report for one reason, in number order. */
    public List<String> pending(Pending reason) {
        return entriesInNumberOrder().stream().filter(e -> !e.hasApprovedReport() && e.pending() == reason)
                .map(Entry::number).toList();
    }

    /**
     * One recommendation. {@code approved*} fields and {@code implementationStatus} are null when no approved report
     * exists for the round yet.
     */
    public record Entry(int cycle, String number, String text, String textVi, List<String> recommendingStates,
            String taskGroup /* "1".."6" */, String taskGroupName, String leadAgency /* code */, String leadAgencyName,
            List<String> coordinatingAgencyNames,
            String implementationStatus /* NOT_STARTED, IN_PROGRESS, PARTIALLY_IMPLEMENTED, FULLY_IMPLEMENTED or null */,
            String results, String figures, String difficulties, String proposals, String approvedBy,
            LocalDate approvedOn, Pending pending /* null when approved */) {

        public Entry {
            recommendingStates = withoutNulls(recommendingStates);
            coordinatingAgencyNames = withoutNulls(coordinatingAgencyNames);
            ImplementationStatus.of(implementationStatus); // refuse an unknown status before any file is written
        }

        public ImplementationStatus status() {
            return ImplementationStatus.of(implementationStatus);
        }

        /** The annex's Vietnamese text where there is one; otherwise the UN's English text. */
        public boolean inVietnamese() {
            return textVi != null && !textVi.isBlank();
        }

        public String readingText() {
            return inVietnamese() ? textVi : text;
        }

        public boolean hasApprovedReport() {
            return status() != ImplementationStatus.NO_APPROVED_REPORT;
        }

        /** "Nhóm 1. Tăng cường nhà nước pháp quyền, ..." */
        public String taskGroupTitle() {
            if (taskGroup == null || taskGroup.isBlank()) {
                return UNASSIGNED + " nhóm nhiệm vụ";
            }
            return "Nhóm " + taskGroup.trim() + (taskGroupName == null || taskGroupName.isBlank() ? "" : ". " + taskGroupName);
        }

        public String leadAgencyTitle() {
            if (leadAgencyName != null && !leadAgencyName.isBlank()) {
                return leadAgencyName;
            }
            return leadAgency == null || leadAgency.isBlank() ? UNASSIGNED + " cơ quan chủ trì" : leadAgency;
        }

        private static List<String> withoutNulls(List<String> values) {
            return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
        }
    }

    /** How many of one lead agency's recommendations are in each status. */
    public record AgencyCounts(String agency, String agencyName, Map<ImplementationStatus, Integer> byStatus) {

        public int total() {
            return byStatus.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** "Báo cáo giữa kỳ", "Báo cáo quốc gia chu kỳ V", "Báo cáo đột xuất". */
    public String kindLabel() {
        if (roundKind == null) {
            return "";
        }
        return switch (roundKind) {
            case "MID_TERM" -> "Báo cáo giữa kỳ";
            case "NATIONAL_REPORT" -> "Báo cáo quốc gia chu kỳ V";
            case "AD_HOC" -> "Báo cáo đột xuất";
            default -> roundKind;
        };
    }

    public List<Entry> entriesInNumberOrder() {
        return entries.stream().sorted(NUMBER_ORDER).toList();
    }

    /**
     * Entries by task group code in the order of Decision 1172 ("1".."6"), each list in number order; groups without
     * entries are left out, and entries with no group come last (key "") so nothing goes missing.
     */
    public Map<String, List<Entry>> entriesByTaskGroup() {
        Map<String, List<Entry>> groups = new LinkedHashMap<>();
        entriesInNumberOrder().stream()
                .sorted(Comparator.comparing((Entry e) -> taskGroupKey(e.taskGroup()), ConsolidatedReport::compareNumbers))
                .forEach(e -> groups.computeIfAbsent(taskGroupKey(e.taskGroup()), k -> new ArrayList<>()).add(e));
        groups.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return groups;
    }

    /** Every status, including {@link ImplementationStatus#NO_APPROVED_REPORT}, with zeros kept. */
    public Map<ImplementationStatus, Integer> countsByStatus() {
        return count(entries);
    }

    /** One line per lead agency with at least one recommendation, by Vietnamese name; unassigned last. */
    public List<AgencyCounts> countsByLeadAgency() {
        Map<String, List<Entry>> byAgency = new LinkedHashMap<>();
        for (Entry e : entries) {
            byAgency.computeIfAbsent(agencyKey(e), k -> new ArrayList<>()).add(e);
        }
        Collator collator = Collator.getInstance(VIETNAMESE);
        return byAgency.values().stream()
                .map(list -> new AgencyCounts(list.get(0).leadAgency(), list.get(0).leadAgencyTitle(), count(list)))
                .sorted(Comparator.comparing((AgencyCounts c) -> c.agency() == null || c.agency().isBlank())
                        .thenComparing(AgencyCounts::agencyName, collator))
                .toList();
    }

    /** Share of {@code count} in all entries, in percent. */
    public double percentOf(int count) {
        return entries.isEmpty() ? 0 : 100.0 * count / entries.size();
    }

    private static Map<ImplementationStatus, Integer> count(List<Entry> entries) {
        Map<ImplementationStatus, Integer> counts = new EnumMap<>(ImplementationStatus.class);
        for (ImplementationStatus s : ImplementationStatus.values()) {
            counts.put(s, 0);
        }
        entries.forEach(e -> counts.merge(e.status(), 1, Integer::sum));
        return Collections.unmodifiableMap(counts);
    }

    private static String agencyKey(Entry e) {
        return e.leadAgency() != null && !e.leadAgency().isBlank() ? e.leadAgency().trim()
                : e.leadAgencyName() == null ? "" : "name:" + e.leadAgencyName();
    }

    private static String taskGroupKey(String taskGroup) {
        return taskGroup == null || taskGroup.isBlank() ? "" : taskGroup.trim();
    }

    /** Compares dotted numbers part by part, digits as numbers: 143.2 before 143.10, 143.1 before 143.1.1. */
    static int compareNumbers(String a, String b) {
        String[] left = a.trim().split("\\.");
        String[] right = b.trim().split("\\.");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int c = comparePart(left[i], right[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(left.length, right.length);
    }

    private static int comparePart(String a, String b) {
        boolean digitsA = !a.isEmpty() && a.chars().allMatch(Character::isDigit);
        boolean digitsB = !b.isEmpty() && b.chars().allMatch(Character::isDigit);
        if (digitsA && digitsB) {
            String x = a.replaceFirst("^0+(?=.)", "");
            String y = b.replaceFirst("^0+(?=.)", "");
            return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
        }
        if (digitsA != digitsB) {
            return digitsA ? -1 : 1;
        }
        return a.compareToIgnoreCase(b);
    }
}
