package vn.gov.mofa.upr.casefile;

import static vn.gov.mofa.upr.casefile.CaseFiles.text;
import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Component;

import vn.gov.mofa.upr.casefile.CaseFile.TimelineEntry;
import vn.gov.mofa.upr.notification.MailKind;
import vn.gov.mofa.upr.notification.MailOutbox;
import vn.gov.mofa.upr.notification.OutboxMail;
import vn.gov.mofa.upr.recommendation.Recommendation;

/**
 * A recommendation's history, oldest first, from what is already kept: the engine's history (the instance, its
 * finished tasks with MOFA's decisions, the report requests and the cycle's end, who claimed or handed on a task)
 * and the outbox (reminders, escalations and returns mailed). Nothing is stored for it.
 */
@Component
class CaseTimeline {

    static final String SYSTEM = "Hệ thống";
    /** The mails worth a line: those about a deadline or a return (new-task mails repeat what the steps say). */
    private static final Map<String, String> MAILS = Map.of(MailKind.REMINDER.template(), "Thư nhắc hạn đã gửi",
            MailKind.OVERDUE.template(), "Thư báo quá hạn đã gửi (lãnh đạo cơ quan, Bộ Ngoại giao)",
            MailKind.RETURNED.template(), "Thư báo trả lại đã gửi");
    /** The events that are neither tasks nor mails, by activity id (the message events MOFA's actions trigger). */
    private static final Map<String, String> EVENTS = Map.of(WAIT_FOR_REPORT_REQUEST, "Bộ Ngoại giao yêu cầu báo cáo",
            "CycleClosedReceived", "Kết thúc chu kỳ UPR");
    private static final Set<String> HAND_OVERS = Set.of(UserOperationLogEntry.OPERATION_TYPE_CLAIM,
            UserOperationLogEntry.OPERATION_TYPE_ASSIGN, UserOperationLogEntry.OPERATION_TYPE_DELEGATE);

    private final HistoryService history;
    private final MailOutbox outbox;

    CaseTimeline(HistoryService history, MailOutbox outbox) {
        this.history = history;
        this.outbox = outbox;
    }

    List<TimelineEntry> of(Recommendation r, HistoricProcessInstance instance, List<HistoricTaskInstance> done,
            Map<String, Map<String, Object>> variables) {
        List<TimelineEntry> entries = new ArrayList<>();
        if (instance == null) {
            return entries;
        }
        entries.add(new TimelineEntry(instance.getStartTime().toInstant(), "Nhập danh sách, đưa vào theo dõi",
                who(instance.getStartUserId()), r.businessKey()));
        boolean assigned = false;
        for (HistoricTaskInstance task : done) {
            if (!"completed".equals(task.getDeleteReason())) {
                continue;
            }
            Map<String, Object> local = variables.getOrDefault(task.getId(), Map.of());
            String decision = text(local.get(VAR_DECISION));
            String by = who(text(local.getOrDefault(VAR_DECIDED_BY, task.getAssignee())));
            Instant at = task.getEndTime().toInstant();
            switch (task.getTaskDefinitionKey()) {
                case ASSIGN_AGENCIES -> {
                    entries.add(new TimelineEntry(at, assigned ? "Phân công lại cơ quan" : "Phân công cơ quan", by, decision));
                    assigned = true;
                }
                case PREPARE_PLAN -> entries.add(new TimelineEntry(at, "Nộp kế hoạch", by, ""));
                case REVIEW_PLAN -> entries.add(review(at, "kế hoạch", by, decision));
                case SIGN_OFF_PLAN -> entries.add(signOff(at, "kế hoạch", by, decision));
                case SIGN_OFF_REPORT -> entries.add(signOff(at, "báo cáo", by, decision));
                case CONTRIBUTE_INPUT -> entries.add(new TimelineEntry(at, "Gửi thông tin đóng góp", by,
                        text(local.get("contributingAgencyName"))));
                case PREPARE_REPORT -> entries.add(new TimelineEntry(at, "Nộp báo cáo", by, ""));
                case REVIEW_REPORT -> entries.add(review(at, "báo cáo", by, decision));
                default -> entries.add(new TimelineEntry(at, task.getName() + ": hoàn thành", by, decision));
            }
        }
        EVENTS.forEach((activity, what) -> {
            for (HistoricActivityInstance event : history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                    .activityId(activity).finished().list()) {
                entries.add(new TimelineEntry(event.getEndTime().toInstant(), what, SYSTEM, ""));
            }
        });
        Map<String, String> taskNames = done.stream().collect(Collectors.toMap(HistoricTaskInstance::getId,
                HistoricTaskInstance::getName));
        for (UserOperationLogEntry op : history.createUserOperationLogQuery().processInstanceId(instance.getId())
                .entityType(EntityTypes.TASK).list()) {
            if (HAND_OVERS.contains(op.getOperationType()) && "assignee".equals(op.getProperty()) && op.getNewValue() != null) {
                String step = taskNames.getOrDefault(op.getTaskId(), "");
                entries.add(new TimelineEntry(op.getTimestamp().toInstant(), UserOperationLogEntry.OPERATION_TYPE_CLAIM
                        .equals(op.getOperationType()) ? "Nhận việc" : "Giao việc cho " + op.getNewValue(), who(op.getUserId()), step));
            }
        }
        entries.addAll(mails(r.businessKey()));
        if (instance.getEndTime() != null) {
            entries.add(new TimelineEntry(instance.getEndTime().toInstant(), "Kết thúc theo dõi", SYSTEM, ""));
        }
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return entries;
    }

    /** The agency leader's decision: signed off for MOFA, or returned inside the agency (never MOFA's return). */
    private static TimelineEntry signOff(Instant at, String what, String by, String decision) {
        boolean signed = decision.startsWith("Ký duyệt");
        return new TimelineEntry(at, (signed ? "Lãnh đạo cơ quan ký duyệt " : "Lãnh đạo cơ quan trả lại ") + what, by,
                signed ? decision.replaceFirst("^Ký duyệt:? ?", "") : decision.replaceFirst("^Trả lại:? ?", ""));
    }

    private static TimelineEntry review(Instant at, String subject, String by, String decision) {
        boolean returned = decision.startsWith("Trả lại");
        int colon = decision.indexOf(": ");
        return new TimelineEntry(at, (returned ? "Trả lại " : "Phê duyệt ") + subject, by,
                colon < 0 ? "" : decision.substring(colon + 2));
    }

    /** The mails of one sending (same kind, same minute) as one line naming every recipient. */
    private List<TimelineEntry> mails(String businessKey) {
        Map<String, List<OutboxMail>> sendings = new java.util.LinkedHashMap<>();
        for (OutboxMail mail : outbox.byBusinessKey(businessKey)) {
            if (MAILS.containsKey(mail.kind())) {
                sendings.computeIfAbsent(mail.kind() + mail.createdAt().getEpochSecond() / 60, key -> new ArrayList<>()).add(mail);
            }
        }
        return sendings.values().stream().map(mails -> new TimelineEntry(mails.get(0).createdAt(),
                MAILS.get(mails.get(0).kind()), SYSTEM, mails.get(0).subject() + " — tới "
                        + mails.stream().map(OutboxMail::recipientEmail).distinct().collect(Collectors.joining(", "))))
                .toList();
    }

    private static String who(String user) {
        return user == null || user.isBlank() ? SYSTEM : user;
    }
}
