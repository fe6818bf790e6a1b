package vn.gov.mofa.upr.casefile;

import static vn.gov.mofa.upr.workflow.RecommendationProcess.VAR_ROUND_NAME;

import java.time.Clock;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import vn.gov.mofa.upr.recommendation.Recommendation;
import vn.gov.mofa.upr.workflow.UnitDelegationProcess;
import vn.gov.mofa.upr.security.CurrentUser;
import vn.gov.mofa.upr.system.FileSignature;

/**
 * Attaches a file to an open plan, contribution or report step: by the agency that holds the step, or by MOFA.
 * Every refusal says why in Vietnamese and stores nothing.
 */
@Service
class EvidenceUpload {

    static final int MAX_NAME_LENGTH = 255;
    static final String NOT_THE_HOLDER = "Chỉ cơ quan đang thực hiện bước này (hoặc Bộ Ngoại giao) được tải tệp minh chứng lên. Chưa lưu gì.";
    static final String STEP_CLOSED = "Bước này đã xong hoặc không nhận tệp minh chứng (chỉ kế hoạch, đóng góp và báo cáo đang thực hiện). "
            + "Hãy tải lại trang. Chưa lưu gì.";

    private final TaskService tasks;
    private final EvidenceFiles files;
    private final EvidenceLimits limits;
    private final Clock clock;

    EvidenceUpload(TaskService tasks, EvidenceFiles files, EvidenceLimits limits, Clock clock) {
        this.tasks = tasks;
        this.files = files;
        this.limits = limits;
        this.clock = clock;
    }

    /** @throws ResponseStatusException with the reason for the user, nothing stored */
    EvidenceFile attach(Recommendation r, String taskId, CurrentUser user, String originalName, byte[] content) {
        Task task = openStep(r, taskId);
        if (task == null) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, STEP_CLOSED);
        }
        String holder = holder(task);
        if (!user.isMofaOfficer() && (holder == null || !user.groups().contains(holder))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, NOT_THE_HOLDER);
        }
        String name = fileName(originalName);
        if (content.length == 0) {
            throw refused("Tệp '" + name + "' rỗng. Hãy chọn lại tệp. Chưa lưu gì.");
        }
        if (content.length > limits.maxFileSize().toBytes()) {
            throw refused(limits.tooLarge());
        }
        FileSignature signature = FileSignature.of(name, content);
        EvidenceType type = EvidenceType.byName(signature).orElseThrow(() -> refused("Tệp '" + name + "' không thuộc loại được nhận ("
                + EvidenceType.ACCEPTED + "). Chưa lưu gì."));
        if (!type.matches(signature)) {
            throw refused("Nội dung tệp '" + name + "' không phải " + type.name() + " như tên tệp cho biết (tệp có thể đã bị đổi "
                    + "đuôi hoặc bị hỏng). Hãy lưu lại đúng định dạng rồi tải lên. Chưa lưu gì.");
        }
        Object roundName = tasks.getVariable(task.getId(), VAR_ROUND_NAME);
        EvidenceFile file = new EvidenceFile(0, r.cycle(), r.number(), task.getTaskDefinitionKey(), task.getName(),
                roundName == null ? null : roundName.toString(), holder, name, type.mediaType(), content.length, user.userId(),
                clock.instant());
        long id = files.add(file, content);
        return files.find(r.cycle(), r.number(), id).orElseThrow();
    }

    /**
     * Whether {@code user} is the unit holding this open delegated step of the recommendation: a unit reads nothing of
     * the recommendation but attaches evidence to the part it was given.
     */
    boolean holdsUnitStep(Recommendation r, String taskId, CurrentUser user) {
        Task task = openStep(r, taskId);
        return task != null && UnitDelegationProcess.ANSWER.equals(task.getTaskDefinitionKey())
                && user.groups().contains(holder(task));
    }

    /** The recommendation's open plan, contribution or report, or a unit's delegated part of one (same business key). */
    private Task openStep(Recommendation r, String taskId) {
        Task task = taskId == null || r.processInstanceId() == null ? null : tasks.createTaskQuery()
                .processInstanceBusinessKey(r.businessKey()).taskId(taskId).singleResult();
        return task != null && (CaseFiles.EVIDENCE_STEPS.contains(task.getTaskDefinitionKey())
                || UnitDelegationProcess.ANSWER.equals(task.getTaskDefinitionKey())) ? task : null;
    }

    private String holder(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).findFirst().orElse(null);
    }

    /** The name without a path (some browsers send one), for the user and for the download. */
    private static String fileName(String original) {
        String name = original == null ? "" : original.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (name.isEmpty()) {
            throw refused("Chưa chọn tệp. Chưa lưu gì.");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw refused("Tên tệp dài hơn " + MAX_NAME_LENGTH + " ký tự; hãy đặt tên ngắn hơn rồi tải lên. Chưa lưu gì.");
        }
        return name;
    }

    private static ResponseStatusException refused(String reason) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
    }
}
