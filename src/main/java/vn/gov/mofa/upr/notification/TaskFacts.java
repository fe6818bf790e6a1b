package vn.gov.mofa.upr.notification;

import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import vn.gov.mofa.upr.agency.Agency;
import vn.gov.mofa.upr.agency.AgencyDirectory;
import vn.gov.mofa.upr.workflow.Deadlines;

/**
 * The facts about one task that mails speak of, before they are put into a reader's language.
 *
 * @param stepName the task's name in Tasklist (Vietnamese, with the recommendation number)
 * @param due      null when the task has no due date
 * @param comment  MOFA's comment when the task comes back after a review, else null
 */
record TaskFacts(String number, int cycle, String text, String stepKey, String stepName, String agencyCode,
        LocalDate due, long daysLeft, String taskLink, String comment) {

    /** The user task names of {@code upr-recommendation} for English readers (Tasklist itself shows Vietnamese). */
    private static final Map<String, String> ENGLISH_STEP_NAMES = Map.of(
            ASSIGN_AGENCIES, "Assign lead and coordinating agencies",
            PREPARE_PLAN, "Prepare the implementation plan",
            REVIEW_PLAN, "Review the plan",
            CONTRIBUTE_INPUT, "Contribute to the report",
            PREPARE_REPORT, "Prepare the implementation report",
            REVIEW_REPORT, "Review the report",
            FOLLOW_UP_OVERDUE, "Follow up overdue work");

    /** The same facts leading somewhere else than the task (the case page, for leaders). */
    TaskFacts linkingTo(String link) {
        return new TaskFacts(number, cycle, text, stepKey, stepName, agencyCode, due, daysLeft, link, comment);
    }

    TaskNotice in(MailLanguage language, AgencyDirectory agencies) {
        String step = language == MailLanguage.EN ? ENGLISH_STEP_NAMES.getOrDefault(stepKey, stepName) : stepName;
        return new TaskNotice(number, cycle, TaskNotice.excerpt(text == null ? "" : text), step,
                agencyName(agencyCode, language, agencies), Deadlines.format(due), daysLeft, taskLink, comment);
    }

    static String agencyName(String codes, MailLanguage language, AgencyDirectory agencies) {
        if (language == MailLanguage.VI) {
            return agencies.namesOf(codes);
        }
        return AgencyDirectory.codesOf(codes).stream()
                .map(code -> agencies.byCode(code).map(Agency::nameEn).orElse(code))
                .collect(Collectors.joining(", "));
    }
}
