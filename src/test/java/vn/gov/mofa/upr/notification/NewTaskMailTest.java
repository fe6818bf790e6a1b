package vn.gov.mofa.upr.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.gov.mofa.upr.ApplicationTest;
import vn.gov.mofa.upr.Recommendations;
import vn.gov.mofa.upr.importing.RecommendationImport;

/**
 * The new-task mail as the focal point reads it in the outbox (nothing is sent: no SMTP server needed): a task
 * whose deadline had already passed when it was assigned says so in its subject and its text.
 */
@ApplicationTest
class NewTaskMailTest {

    static final int CYCLE = 48;

    @Autowired RecommendationImport imports;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired MailOutbox outbox;

    @Test
    void aTaskAlreadyPastItsDeadlineSaysItIsOverdue() {
        var recommendations = new Recommendations(imports, runtime, management);
        ProcessInstance late = recommendations.track(CYCLE, "1", "Ratify the convention", "moit", null, "2", "01/03/2020");
        ProcessInstance onTime = recommendations.track(CYCLE, "2", "Train judges", "moit", null, "2", "31/12/2040");

        assertThat(outbox.byBusinessKey(late.getId())).isNotEmpty().allSatisfy(mail -> {
            assertThat(mail.kind()).isEqualTo("new-task");
            assertThat(mail.subject()).startsWith("[UPR] Công việc mới (đã quá hạn): Lập kế hoạch thực hiện — KN 1");
            assertThat(mail.bodyText()).contains("hạn ngày 01/03/2020", "ĐÃ QUÁ HẠN", "đề nghị xử lý ngay");
            assertThat(mail.bodyHtml()).contains("đã quá hạn");
        });
        assertThat(outbox.byBusinessKey(onTime.getId())).isNotEmpty().allSatisfy(mail -> {
            assertThat(mail.subject()).startsWith("[UPR] Công việc mới: Lập kế hoạch thực hiện — KN 2");
            assertThat(mail.bodyText()).doesNotContain("QUÁ HẠN");
        });
    }
}
