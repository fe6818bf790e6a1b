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
import vn.gov.mofa.upr.system.PageTexts;

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
    private final PageTexts texts;

    CaseTimeline(HistoryService history, MailOutbox outbox, PageTexts texts) {
        this.history = history;
        this.outbox = outbox;
        this.texts = texts;
    }

    List<TimelineEntry> of(Recommendation r, HistoricProcessInstance instance, List<HistoricTaskInstance> done,
            Map<String, Map<String, Object>> variables) {
        List<TimelineEntry> entries = new ArrayList<>();
        if (instance == null) {
            return entries;
        }
        entries.add(new TimelineEntry(instance.getStartTime().toInstant(), said("imported", "Nhập danh sách, đưa vào theo dõi"),
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
                    entries.add(new TimelineEntry(at, assigned ? said("reassigned", "Phân công lại cơ quan")
                            : said("assigned", "Phân công cơ quan"), by, decision));
                    assigned = true;
                }
                case PREPARE_PLAN -> entries.add(new TimelineEntry(at, said("planSubmitted", "Nộp kế hoạch"), by, ""));
                case REVIEW_PLAN -> entries.add(review(at, plan(), by, decision));
                case SIGN_OFF_PLAN -> entries.add(signOff(at, plan(), by, decision));
                case SIGN_OFF_REPORT -> entries.add(signOff(at, report(), by, decision));
                case CONTRIBUTE_INPUT -> entries.add(new TimelineEntry(at, said("contributed", "Gửi thông tin đóng góp"), by,
                        text(local.get("contributingAgencyName"))));
                case PREPARE_REPORT -> entries.add(new TimelineEntry(at, said("reportSubmitted", "Nộp báo cáo"), by, ""));
                case REVIEW_REPORT -> entries.add(review(at, report(), by, decision));
                default -> entries.add(new TimelineEntry(at, said("done", "{0}: hoàn thành", task.getName()), by, decision));
            }
        }
        EVENTS.forEach((activity, what) -> {
            for (HistoricActivityInstance event : history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                    .activityId(activity).finished().list()) {
                entries.add(new TimelineEntry(event.getEndTime().toInstant(), said("event." + activity, what), system(), ""));
            }
        });
        Map<String, String> taskNames = done.stream().collect(Collectors.toMap(HistoricTaskInstance::getId,
                HistoricTaskInstance::getName));
        for (UserOperationLogEntry op : history.createUserOperationLogQuery().processInstanceId(instance.getId())
                .entityType(EntityTypes.TASK).list()) {
            if (HAND_OVERS.contains(op.getOperationType()) && "assignee".equals(op.getProperty()) && op.getNewValue() != null) {
                String step = taskNames.getOrDefault(op.getTaskId(), "");
                entries.add(new TimelineEntry(op.getTimestamp().toInstant(), UserOperationLogEntry.OPERATION_TYPE_CLAIM
                        .equals(op.getOperationType()) ? said("claimed", "Nhận việc") : said("handedTo", "Giao việc cho {0}", op.getNewValue()),
                        who(op.getUserId()), step));
            }
        }
        entries.addAll(mails(r.businessKey()));
        if (instance.getEndTime() != null) {
            entries.add(new TimelineEntry(instance.getEndTime().toInstant(), said("ended", "Kết thúc theo dõi"), system(), ""));
        }
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return entries;
    }

    /** The agency leader's decision: signed off for MOFA, or returned inside the agency (never MOFA's return). */
    private TimelineEntry signOff(Instant at, String what, String by, String decision) {
        boolean signed = decision.startsWith("Ký duyệt");
        return new TimelineEntry(at, signed ? said("signedOff", "Lãnh đạo cơ quan ký duyệt {0}", what)
                : said("returnedInside", "Lãnh đạo cơ quan trả lại {0}", what), by,
                signed ? decision.replaceFirst("^Ký duyệt:? ?", "") : decision.replaceFirst("^Trả lại:? ?", ""));
    }

    private TimelineEntry review(Instant at, String subject, String by, String decision) {
        boolean returned = decision.startsWith("Trả lại");
        int colon = decision.indexOf(": ");
        return new TimelineEntry(at, returned ? said("returned", "Trả lại {0}", subject) : said("approved", "Phê duyệt {0}", subject), by,
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
                said("mail." + mails.get(0).kind(), MAILS.get(mails.get(0).kind())), system(), mails.get(0).subject() + " — tới "
                        + mails.stream().map(OutboxMail::recipientEmail).distinct().collect(Collectors.joining(", "))))
                .toList();
    }

    private String who(String user) {
        return user == null || user.isBlank() ? system() : user;
    }

    /** An entry's text in the page's language ({@code timeline.<key>}); Vietnamese as written here. */
    private String said(String key, String vietnamese, Object... values) {
        return texts.text("timeline." + key, vietnamese, values);
    }

    private String plan() {
        return said("plan", "kế hoạch");
    }

    private String report() {
        return said("report", "báo cáo");
    }

    private String system() {
        return said("system", SYSTEM);
    }
}
