package vn.gov.mofa.upr.web;

import java.time.LocalDate;
import java.util.List;

import vn.gov.mofa.upr.recommendation.CurrentSteps.LateTask;
import vn.gov.mofa.upr.reporting.RoundState;

/**
 * The progress dashboard, for MOFA (everything) or an agency (its own recommendations), over one cycle or all: every
 * figure carries the address of the list that shows what it counts. Counts by status, by lead agency and by task
 * group (each split by status, with shares), late work, what changed since a day, the open and closed rounds with
 * their files; {@code failedMails} warns MOFA of mail that could not be sent.
 */
public record Dashboard(String scope, Integer cycle, List<Integer> cycles, LocalDate since, Count tracked, Count overdue,
        List<Count> byStatus, StatusTable byLeadAgency, StatusTable byTaskGroup, List<Count> overdueByAgency,
        List<Late> lateTasks, int lateTasksShown, List<Count> changes, List<RoundState> openRounds,
        List<RoundState> closedRounds, Long failedMails) {

    /** One figure: what is counted, how many, and the list of exactly those. */
    public record Count(String key, String label, long count, String link) {
    }

    /** Rows (lead agencies or task groups) split by implementation status; {@code statuses} are the columns' labels. */
    public record StatusTable(List<String> statuses, List<Row> rows) {
    }

    /** One row: its total and, per status column, the count and its share of the row. */
    public record Row(Count total, List<Share> cells) {
    }

    public record Share(Count count, int percent) {

        public static Share of(Count count, long total) {
            return new Share(count, total == 0 ? 0 : (int) Math.round(100.0 * count.count() / total));
        }
    }

    /** A late task as the director reads it: the holder's name, the recommendation and its case page, the step. */
    public record Late(LateTask task, String agency, String caseUrl, String step) {
    }

    /** The width of a bar, in percent of the longest bar of its chart. */
    public static int percent(long count, List<Count> chart) {
        long max = chart.stream().mapToLong(Count::count).max().orElse(0);
        return max == 0 ? 0 : (int) Math.round(100.0 * count / max);
    }
}
