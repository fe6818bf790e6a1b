package vn.gov.mofa.upr.notification;

/**
 * What a mail about one task says, in the reader's language: the recommendation, the step, the agency, the due
 * date (dd/MM/yyyy) and, for a returned plan or report, MOFA's comment.
 */
public record TaskNotice(String number, int cycle, String textExcerpt, String stepName, String agencyName,
        String dueDate, long daysLeft, String taskLink, String comment) {

    private static final int EXCERPT_LENGTH = 300;


    public static String excerpt(String text) {
        return text.length() > EXCERPT_LENGTH ? text.substring(0, EXCERPT_LENGTH) + "…" : text;
    }

    public long daysOverdue() {
        return -daysLeft;
    }
}
