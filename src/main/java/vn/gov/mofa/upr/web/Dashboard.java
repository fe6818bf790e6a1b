package vn.gov.mofa.upr.web;

import java.util.List;

import vn.gov.mofa.upr.reporting.RoundState;

/**
 * The progress dashboard, for MOFA (everything) or an agency (its own recommendations): counts by status, task
 * group and lead agency, overdue work, open rounds; {@code failedMails} warns MOFA of mail that could not be sent.
 */
public record Dashboard(String scope, long tracked, List<Count> byStatus, List<Count> byTaskGroup, List<Count> byLeadAgency,
        List<Count> overdueByAgency, long overdueTotal, List<RoundState> openRounds, Long failedMails) {

    /** One bar of a chart: what is counted, and how many. */
    public record Count(String key, String label, long count) {
    }

    /** The width of a bar, in percent of the longest bar of its chart. */
    public static int percent(long count, List<Count> chart) {
        long max = chart.stream().mapToLong(Count::count).max().orElse(0);
        return max == 0 ? 0 : (int) Math.round(100.0 * count / max);
    }
}
