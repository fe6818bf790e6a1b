package vn.gov.mofa.upr.notification;

/** What a mail about one task says: the recommendation, the step, the agency and the deadline. */
public record TaskNotice(String number, int cycle, String textExcerpt, String stepName, String agencyName,
        String dueDate, long daysLeft, String taskLink) {

    public long daysOverdue() {
        return -daysLeft;
    }
}
