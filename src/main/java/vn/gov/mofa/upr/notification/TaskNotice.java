package vn.gov.mofa.upr.notification;

/** What a mail about one task says: the recommendation, the step, the agency and the deadline. */
public record TaskNotice(String number, int cycle, String textExcerpt, String stepName, String agencyName,
        String dueDate, long daysLeft, String taskLink) {

    private static final int EXCERPT_LENGTH = 300;

    public static String excerpt(String text) {
        return text.length() > EXCERPT_LENGTH ? text.substring(0, EXCERPT_LENGTH) + "…" : text;
    }

    public long daysOverdue() {
        return -daysLeft;
    }
}
