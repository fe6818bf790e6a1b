package vn.gov.mofa.upr.notification;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a mail is about. Each kind has, per language, three templates under {@code templates/mail/<language>/}:
 * {@code <template>.subject.txt}, {@code <template>.txt} and {@code <template>.html}; a kind that can be listed in
 * {@link #NEW_TASKS} also has {@code <template>.summary.txt}, its one line in that list.
 */
public enum MailKind {

    /** An agency's focal points have a new task. */
    NEW_TASK("new-task", "Công việc mới"),
    /** Several new tasks for one person within {@code upr.mail.batch-window}: one mail listing them ({@link NewTaskBatches}). */
    NEW_TASKS("new-tasks", "Danh sách công việc mới"),
    /** MOFA returned a plan or report: the lead agency's focal points get MOFA's comment. */
    RETURNED("returned", "Trả lại để chỉnh sửa"),
    /** A task's due date is near. */
    REMINDER("reminder", "Nhắc hạn"),
    /** A task is overdue: the agency's leaders and MOFA are told. */
    OVERDUE("overdue", "Quá hạn"),
    /** A reporting round's agency deadline passed with reports missing. */
    MISSING_REPORTS("missing-reports", "Chưa gửi báo cáo"),
    /** Once a day, everything a person who chose the daily digest would have received one by one. */
    DIGEST("digest", "Tổng hợp hằng ngày");

    private final String template;
    private final String label;

    MailKind(String template, String label) {
        this.template = template;
        this.label = label;
    }

    /** The kind whose template name is {@code template}, if any. */
    public static Optional<MailKind> of(String template) {
        return Arrays.stream(values()).filter(kind -> kind.template.equals(template)).findFirst();
    }

    /** Whether a mail of this kind waits for others of its kind to the same person, to be listed with them in one. */
    public boolean listable() {
        return this == NEW_TASK;
    }

    /** The kind as MOFA reads it on the outbox page. */
    public String label() {
        return label;
    }

    /** The template name, also the {@code kind} column of the outbox. */
    public String template() {
        return template;
    }
}
