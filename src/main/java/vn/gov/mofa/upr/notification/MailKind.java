package vn.gov.mofa.upr.notification;

/**
 * What a mail is about. Each kind has, per language, three templates under {@code templates/mail/<language>/}:
 * {@code <template>.subject.txt}, {@code <template>.txt} and {@code <template>.html}; a kind that can be listed in
 * {@link #NEW_TASKS} also has {@code <template>.summary.txt}, its one line in that list.
 */
public enum MailKind {

    /** An agency's focal points have a new task. */
    NEW_TASK("new-task"),
    /** Several new tasks for one person within {@code upr.mail.batch-window}: one mail listing them ({@link NewTaskBatches}). */
    NEW_TASKS("new-tasks"),
    /** MOFA returned a plan or report: the lead agency's focal points get MOFA's comment. */
    RETURNED("returned"),
    /** A task's due date is near. */
    REMINDER("reminder"),
    /** A task is overdue: the agency's leaders and MOFA are told. */
    OVERDUE("overdue"),
    /** A reporting round's agency deadline passed with reports missing. */
    MISSING_REPORTS("missing-reports"),
    /** Once a day, everything a person who chose the daily digest would have received one by one. */
    DIGEST("digest");

    private final String template;

    MailKind(String template) {
        this.template = template;
    }

    /** The kind whose template name is {@code template}. */
    public static MailKind of(String template) {
        for (MailKind kind : values()) {
            if (kind.template.equals(template)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown mail kind: " + template);
    }

    /** Whether a mail of this kind waits for others of its kind to the same person, to be listed with them in one. */
    public boolean listable() {
        return this == NEW_TASK;
    }

    /** The template name, also the {@code kind} column of the outbox. */
    public String template() {
        return template;
    }
}
