package vn.gov.mofa.upr.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import vn.gov.mofa.upr.ApplicationTest;
import vn.gov.mofa.upr.ReceivedMail;
import vn.gov.mofa.upr.Recommendations;
import vn.gov.mofa.upr.importing.RecommendationImport;
import vn.gov.mofa.upr.workflow.RecommendationProcess;

/**
 * An import gives a focal point several tasks at once: the person gets one mail listing them, once
 * {@code upr.mail.batch-window} (5 minutes, as in production) has passed since the first. The Voice of Viet Nam
 * ({@code vov}, one focal point) and Viet Nam News Agency ({@code vna}) and cycle 96 are this class's own.
 */
@ApplicationTest
class NewTaskBatchesTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

    static final int CYCLE = 96;
    static final String VOV = "vov.focal@upr.example.vn";
    static final String VNA = "vna.focal@upr.example.vn";
    static final Instant NINE = OffsetDateTime.parse("2027-05-03T09:00+07:00").toInstant();
    static final Duration WINDOW = Duration.ofMinutes(5);

    @Autowired RecommendationImport imports;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired OutboxSender sender;
    @Autowired MailOutbox outbox;

    @BeforeEach
    void nothingWaitingFromOtherTests() throws Exception {
        sender.sendDue(Instant.now().plus(Duration.ofDays(3650)));
        greenMail.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void sixNewTasksWithinAMinuteMakeOneMailListingThemAll() {
        List<ProcessInstance> six = annex(NINE, "vov", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6");

        assertThat(deliveredAt(NINE.plus(Duration.ofMinutes(4)))).as("still waiting for more").isEmpty();
        List<ReceivedMail> mails = deliveredAt(NINE.plus(WINDOW));

        assertThat(mails).singleElement().satisfies(mail -> {
            assertThat(mail.to()).isEqualTo(VOV);
            assertThat(mail.subject()).isEqualTo("[UPR] Công việc mới: 6 công việc");
            assertThat(mail.text()).contains("Kính gửi Đầu mối Đài Tiếng nói Việt Nam,", "Đồng chí có 6 công việc mới:",
                    "Mở Tasklist: http://");
            List<String> lines = new java.util.ArrayList<>();
            for (int i = 0; i < six.size(); i++) {
                lines.add((i + 1) + ". Lập kế hoạch thực hiện — KN 1." + (i + 1) + ", hạn 31/05/2027\n   http");
                lines.add(taskLink(six.get(i)) + "\n");
            }
            assertThat(mail.text()).as("one line per task: step, number, deadline, link").containsSubsequence(lines);
        });
        assertThat(six).allSatisfy(pi -> assertThat(outbox.byBusinessKey(pi.getId())).singleElement().satisfies(row -> {
            assertThat(row.status()).as("listed, not sent on its own").isEqualTo(MailOutbox.Status.BATCHED);
            assertThat(row.digestId()).isNotNull();
            assertThat(row.sentAt()).as("sent with the list").isNotNull();
        }));
        assertThat(deliveredAt(NINE.plus(Duration.ofHours(1)))).as("sent once").isEmpty();
    }

    @Test
    void twoPeopleGetOneMailEach() {
        annex(NINE, "vov", "2.1", "2.2", "2.3");
        annex(NINE.plus(Duration.ofSeconds(30)), "vna", "2.4", "2.5");

        List<ReceivedMail> mails = deliveredAt(NINE.plus(WINDOW).plusSeconds(30));

        assertThat(mails).extracting(ReceivedMail::to).containsExactlyInAnyOrder(VOV, VNA);
        assertThat(to(mails, VOV).subject()).isEqualTo("[UPR] Công việc mới: 3 công việc");
        assertThat(to(mails, VOV).text()).contains("KN 2.1", "KN 2.2", "KN 2.3").doesNotContain("KN 2.4", "KN 2.5");
        assertThat(to(mails, VNA).subject()).isEqualTo("[UPR] Công việc mới: 2 công việc");
        assertThat(to(mails, VNA).text()).contains("Kính gửi Đầu mối Thông tấn xã Việt Nam,", "KN 2.4", "KN 2.5")
                .doesNotContain("KN 2.1", "KN 2.2", "KN 2.3");
    }

    @Test
    void eachPersonsWindowStartsWithTheirFirstNewTask() {
        annex(NINE, "vov", "5.1", "5.2");
        annex(NINE.plus(Duration.ofMinutes(2)), "vna", "5.3", "5.4");

        assertThat(deliveredAt(NINE.plus(WINDOW))).extracting(ReceivedMail::to).containsExactly(VOV);
        assertThat(deliveredAt(NINE.plus(Duration.ofMinutes(6)))).isEmpty();
        assertThat(deliveredAt(NINE.plus(Duration.ofMinutes(7)))).extracting(ReceivedMail::to).containsExactly(VNA);
    }

    @Test
    void aTaskAfterTheWindowComesInItsOwnMail() {
        annex(NINE, "vov", "3.1", "3.2");
        assertThat(deliveredAt(NINE.plus(WINDOW))).singleElement()
                .satisfies(mail -> assertThat(mail.subject()).isEqualTo("[UPR] Công việc mới: 2 công việc"));

        ProcessInstance later = annex(NINE.plus(Duration.ofMinutes(6)), "vov", "3.3").get(0);
        assertThat(deliveredAt(NINE.plus(Duration.ofMinutes(10)))).as("its own window is not over").isEmpty();
        assertThat(deliveredAt(NINE.plus(Duration.ofMinutes(11)))).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("[UPR] Công việc mới: Lập kế hoạch thực hiện — KN 3.3, hạn 31/05/2027");
            assertThat(mail.text()).contains(taskLink(later));
        });
    }

    @Test
    void aSingleTaskGetsTheMailItAlwaysGot() {
        ProcessInstance pi = annex(NINE, "vov", "4.1").get(0);

        assertThat(deliveredAt(NINE.plus(Duration.ofMinutes(4)))).isEmpty();
        assertThat(deliveredAt(NINE.plus(WINDOW))).singleElement().satisfies(mail -> {
            assertThat(mail.to()).isEqualTo(VOV);
            assertThat(mail.subject()).isEqualTo("[UPR] Công việc mới: Lập kế hoạch thực hiện — KN 4.1, hạn 31/05/2027");
            assertThat(mail.text()).contains("Đài Tiếng nói Việt Nam có công việc mới: \"Lập kế hoạch thực hiện — KN 4.1\""
                    + " đối với khuyến nghị số 4.1 (chu kỳ UPR 96), hạn ngày 31/05/2027", taskLink(pi));
        });
        assertThat(outbox.byBusinessKey(pi.getId())).extracting(OutboxMail::status).containsExactly(MailOutbox.Status.SENT);
    }

    @Test
    void overdueMailsDoNotWait() {
        ProcessInstance late = annex(NINE, "vov", "6.1").get(0);
        deliveredAt(NINE.plus(WINDOW));
        Instant due = OffsetDateTime.parse("2027-05-31T17:01+07:00").toInstant();

        ClockUtil.setCurrentTime(Date.from(due));
        management.executeJob(management.createJobQuery().processInstanceId(late.getId()).activityId("PlanOverdue")
                .executable().singleResult().getId());
        annex(due, "vov", "6.2");

        List<ReceivedMail> atOnce = deliveredAt(due);
        assertThat(atOnce).extracting(ReceivedMail::to).as("the leader's overdue mail, not the focal point's new task")
                .containsExactly("vov.lead@upr.example.vn");
        assertThat(atOnce.get(0).subject()).startsWith("[UPR] Quá hạn: khuyến nghị 6.1");
        assertThat(deliveredAt(due.plus(WINDOW))).extracting(ReceivedMail::subject)
                .containsExactly("[UPR] Công việc mới: Lập kế hoạch thực hiện — KN 6.2, hạn 31/05/2027");
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Imports recommendations led by {@code agency} at {@code at} (engine time), each on to its first task. */
    private List<ProcessInstance> annex(Instant at, String agency, String... numbers) {
        ClockUtil.setCurrentTime(Date.from(at));
        var annex = new Recommendations.Annex();
        for (String number : numbers) {
            annex.row(CYCLE, number, "Strengthen press freedom " + number, agency, null, "2", "31/05/2027");
        }
        assertThat(imports.importFile("annex.csv", annex.bytes(), null, false, "mofa.focal").errors()).isEmpty();
        Recommendations.continueStarts(management);
        var recommendations = new Recommendations(imports, runtime, management);
        return java.util.Arrays.stream(numbers).map(number -> recommendations.instanceOf(CYCLE, number)).toList();
    }

    /** What the outbox delivers at {@code moment} to this class's agencies' people. */
    private List<ReceivedMail> deliveredAt(Instant moment) {
        ClockUtil.setCurrentTime(Date.from(moment));
        sender.sendDue();
        List<ReceivedMail> mails = ReceivedMail.of(greenMail.getReceivedMessages()).stream()
                .map(mail -> new ReceivedMail(mail.to(), mail.subject(), mail.text().replace("\r\n", "\n")))
                .filter(mail -> mail.to().startsWith("vov.") || mail.to().equals(VNA)).toList();
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return mails;
    }

    private String taskLink(ProcessInstance pi) {
        return "/camunda/app/tasklist/default/#/?task=" + tasks.createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(RecommendationProcess.PREPARE_PLAN).singleResult().getId();
    }

    private static ReceivedMail to(List<ReceivedMail> mails, String address) {
        return mails.stream().filter(mail -> mail.to().equals(address)).findFirst().orElseThrow();
    }
}
