package vn.gov.mofa.upr.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import vn.gov.mofa.upr.ApplicationTest;
import vn.gov.mofa.upr.Recommendations;
import vn.gov.mofa.upr.importing.RecommendationImport;

/**
 * Every kind of mail, as its readers get it: in their language, with the recommendation, agency, due date and
 * Tasklist link, user text escaped in the HTML; never lost (rollback, SMTP down) and never twice. The Ministry of
 * Industry and Trade ({@code moit}) and cycle 83 are this class's own; the users it adds are removed at the end.
 * New-task mails wait {@code upr.mail.batch-window} for others to the same person ({@link NewTaskBatchesTest}):
 * this class delivers once that window is over.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class MailDeliveryTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

    static final int CYCLE = 83;
    static final String AGENCY = "moit";
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "<img src=x onerror=alert(1)>";
    static final String TEXT = "Promote responsible business conduct " + SCRIPT + " in supply chains";
    static final String FOCAL = "moit.focal@upr.example.vn";
    static final String FOCAL_EN = "moit.en@upr.example.vn";
    static final String LEADER = "moit.lead@upr.example.vn";
    static final String LEADER_EN = "moit.lead.en@upr.example.vn";
    static final String MOFA = "mofa.focal@upr.example.vn";
    static final String DIGEST_READER = "moit.digest@upr.example.vn";
    static final List<String> ADDED_USERS = List.of("moit.en", "moit.lead.en", "moit.noemail", "moit.digest");

    @Autowired RecommendationImport imports;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired MailPreferences preferences;
    @Autowired OutboxSender sender;
    @Autowired MailOutbox outbox;
    @Autowired DailyDigest digest;
    @Autowired MissingReportNotices missingReports;
    @Autowired PlatformTransactionManager transactions;
    @Autowired TestRestTemplate http;
    @Value("${upr.mail.batch-window}") Duration batchWindow;

    Recommendations recommendations;

    @BeforeAll
    void people() {
        recommendations = new Recommendations(imports, runtime, management);
        user("moit.en", "Jane", "Doe", FOCAL_EN, AGENCY);
        preferences.setLanguage("moit.en", MailLanguage.EN);
        user("moit.lead.en", "John", "Smith", LEADER_EN, AGENCY + "-leaders");
        preferences.setLanguage("moit.lead.en", MailLanguage.EN);
        user("moit.noemail", "Không", "Có thư", null, AGENCY);
    }

    @AfterAll
    void removePeople() {
        ADDED_USERS.forEach(id -> {
            if (identity.createUserQuery().userId(id).count() > 0) {
                identity.deleteUser(id);
            }
        });
    }

    @BeforeEach
    void nothingWaitingFromOtherTests() {
        sender.sendDue(Instant.now().plus(Duration.ofDays(3650)));
        received();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aNewTaskReachesTheLeadAgencysFocalPointsInTheirLanguage() {
        ClockUtil.setCurrentTime(moment("2027-03-01T09:00+07:00"));
        ProcessInstance pi = recommendations.track(CYCLE, "1.1", TEXT, AGENCY, null, "2", "31/03/2027");
        String link = "/camunda/app/tasklist/default/#/?task=" + task(pi, PREPARE_PLAN).getId();

        List<Mail> mails = deliveredAbout("1.1");
        assertThat(mails).extracting(Mail::to).as("the user without email is skipped")
                .containsExactlyInAnyOrder(FOCAL, FOCAL_EN);
        assertThat(to(mails, FOCAL)).satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("[UPR] Công việc mới: Lập kế hoạch thực hiện — KN 1.1, hạn 31/03/2027");
            assertThat(mail.text()).contains("Kính gửi Đầu mối Bộ Công Thương,",
                    "Bộ Công Thương có công việc mới: \"Lập kế hoạch thực hiện — KN 1.1\" đối với khuyến nghị số 1.1 (chu kỳ UPR 83), hạn ngày 31/03/2027",
                    TEXT, link);
            assertThat(mail.html()).contains("Bộ Công Thương", "31/03/2027", link);
        });
        assertThat(to(mails, FOCAL_EN)).satisfies(mail -> {
            assertThat(mail.subject())
                    .isEqualTo("[UPR] New task: Prepare the implementation plan — recommendation 1.1, due 31/03/2027");
            assertThat(mail.text()).contains("Dear Jane Doe,", "Ministry of Industry and Trade has a new task",
                    "for recommendation 1.1 (UPR cycle 83), due on 31/03/2027", link);
            assertThat(mail.html()).contains("Ministry of Industry and Trade", "31/03/2027");
        });
        assertThat(mails).allSatisfy(mail -> assertThat(mail.html())
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script"));
        assertThat(outbox.byBusinessKey(pi.getId())).extracting(OutboxMail::status).containsOnly(MailOutbox.Status.SENT);
    }

    @Test
    void focalPointsAreRemindedAndLeadersAndMofaAreToldWhenLate() {
        ClockUtil.setCurrentTime(moment("2027-03-01T09:00+07:00"));
        ProcessInstance pi = recommendations.track(CYCLE, "2.1", TEXT, AGENCY, null, "2", "31/03/2027");
        deliveredAbout("2.1");
        String link = "/camunda/app/tasklist/default/#/?task=" + task(pi, PREPARE_PLAN).getId();

        ClockUtil.setCurrentTime(moment("2027-03-17T08:01+07:00"));
        management.executeJob(dueJob(pi, "PlanReminder1").getId());
        List<Mail> reminders = deliveredAbout("2.1");
        assertThat(reminders).extracting(Mail::to).containsExactlyInAnyOrder(FOCAL, FOCAL_EN);
        assertThat(to(reminders, FOCAL)).satisfies(mail -> {
            assertThat(mail.subject())
                    .isEqualTo("[UPR] Nhắc hạn: khuyến nghị 2.1 — Lập kế hoạch thực hiện — KN 2.1, hạn 31/03/2027");
            assertThat(mail.text()).contains("Bộ Công Thương", "khuyến nghị số 2.1", "đến hạn ngày 31/03/2027, còn 14 ngày", link);
        });
        assertThat(to(reminders, FOCAL_EN)).satisfies(mail -> {
            assertThat(mail.subject())
                    .isEqualTo("[UPR] Reminder: recommendation 2.1 — Prepare the implementation plan, due 31/03/2027");
            assertThat(mail.text()).contains("Ministry of Industry and Trade", "is due on 31/03/2027: 14 days left", link);
            assertThat(mail.html()).contains("14 days");
        });

        ClockUtil.setCurrentTime(moment("2027-03-31T17:01+07:00"));
        management.executeJob(dueJob(pi, "PlanOverdue").getId());
        List<Mail> overdue = deliveredAbout("2.1");
        assertThat(overdue).extracting(Mail::to).containsExactlyInAnyOrder(LEADER, LEADER_EN, MOFA);
        assertThat(to(overdue, LEADER)).satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("[UPR] Quá hạn: khuyến nghị 2.1 — Lập kế hoạch thực hiện — KN 2.1 (Bộ Công Thương)");
            assertThat(mail.text()).contains("đã đến hạn hôm nay (31/03/2027) mà chưa hoàn thành", "/recommendations/83/2.1")
                    .as("a leader has nothing in Tasklist").doesNotContain(link);
        });
        assertThat(to(overdue, LEADER_EN)).satisfies(mail -> {
            assertThat(mail.subject())
                    .isEqualTo("[UPR] Overdue: recommendation 2.1 — Prepare the implementation plan (Ministry of Industry and Trade)");
            assertThat(mail.text()).contains("Dear John Smith,", "was due today (31/03/2027) and is not done", "/recommendations/83/2.1");
        });

        ClockUtil.setCurrentTime(moment("2027-04-07T17:01+07:00"));
        management.executeJob(dueJob(pi, "PlanOverdue").getId());
        List<Mail> again = deliveredAbout("2.1");
        assertThat(to(again, MOFA).text()).contains("đã quá hạn 7 ngày (hạn ngày 31/03/2027)");
        assertThat(to(again, LEADER_EN).text()).contains("is 7 days overdue (due on 31/03/2027)");
    }

    @Test
    void noReminderWhoseMomentHadPassedWhenTheTaskWasCreated() {
        ClockUtil.setCurrentTime(moment("2027-03-29T10:00+07:00"));
        ProcessInstance pi = recommendations.track(CYCLE, "3.1", TEXT, AGENCY, null, "2", "31/03/2027");
        List<Job> stale = management.createJobQuery().processInstanceId(pi.getId()).executable().list();
        assertThat(stale).hasSize(2);
        stale.forEach(job -> management.executeJob(job.getId()));

        assertThat(deliveredAbout("3.1")).extracting(Mail::subject).as("only the new task, no reminder")
                .allMatch(subject -> subject.startsWith("[UPR] Công việc mới") || subject.startsWith("[UPR] New task"))
                .hasSize(2);
    }

    @Test
    void aReturnedPlanTellsTheLeadAgencyMofasComment() {
        ClockUtil.setCurrentTime(moment("2027-03-01T09:00+07:00"));
        ProcessInstance pi = recommendations.track(CYCLE, "4.1", TEXT, AGENCY, null, "2", "31/03/2027");
        deliveredAbout("4.1");
        String comment = "Cần bổ sung chỉ số " + IMG + "\nvà lộ trình thực hiện";
        tasks.complete(task(pi, PREPARE_PLAN).getId(), Map.of("focalPointName", "Lê Văn C", "planActions", "Rà soát"));
        tasks.complete(task(pi, REVIEW_PLAN).getId(), Map.of(VAR_APPROVED, "false", VAR_REVIEW_COMMENT, comment));
        String link = "/camunda/app/tasklist/default/#/?task=" + task(pi, PREPARE_PLAN).getId();

        List<Mail> returned = deliveredAbout("4.1");
        assertThat(returned).extracting(Mail::to).containsExactlyInAnyOrder(FOCAL, FOCAL_EN);
        assertThat(to(returned, FOCAL)).satisfies(mail -> {
            assertThat(mail.subject())
                    .isEqualTo("[UPR] Bộ Ngoại giao trả lại để chỉnh sửa: Lập kế hoạch thực hiện — KN 4.1, hạn 31/03/2027");
            assertThat(mail.text()).contains("Ý kiến của Bộ Ngoại giao:\n" + comment, "khuyến nghị số 4.1", link);
        });
        assertThat(to(returned, FOCAL_EN)).satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo(
                    "[UPR] Returned by MOFA for revision: Prepare the implementation plan — recommendation 4.1, due 31/03/2027");
            assertThat(mail.text()).contains("MOFA's comment:\n" + comment, link);
        });
        assertThat(returned).allSatisfy(mail -> assertThat(mail.html())
                .contains("Cần bổ sung chỉ số &lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img", "<script"));
        assertThat(outbox.byBusinessKey(pi.getId())).extracting(OutboxMail::kind)
                .containsExactlyInAnyOrder("new-task", "new-task", "returned", "returned");

        // once approved, the next task the agency gets is an ordinary new task again
        tasks.complete(task(pi, PREPARE_PLAN).getId(), Map.of("focalPointName", "Lê Văn C", "planActions", "Rà soát, bổ sung"));
        tasks.complete(task(pi, REVIEW_PLAN).getId(), Map.of(VAR_APPROVED, "true", VAR_REVIEW_COMMENT, "Đạt yêu cầu"));
        assertThat(deliveredAbout("4.1")).isEmpty();
    }

    @Test
    void aRolledBackStepLeavesNoMail() {
        ProcessInstance pi = recommendations.track(CYCLE, "5.1", TEXT, AGENCY, null, "2", "31/03/2027");
        deliveredAbout("5.1");
        tasks.complete(task(pi, PREPARE_PLAN).getId(), Map.of("focalPointName", "Lê Văn C", "planActions", "Rà soát"));
        Task review = task(pi, REVIEW_PLAN);

        new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
            tasks.complete(review.getId(), Map.of(VAR_APPROVED, "false", VAR_REVIEW_COMMENT, "Bổ sung lộ trình"));
            assertThat(outbox.byBusinessKey(pi.getId())).as("queued inside the step's transaction").hasSize(4);
            transaction.setRollbackOnly();
        });

        assertThat(task(pi, REVIEW_PLAN).getId()).isEqualTo(review.getId());
        assertThat(outbox.byBusinessKey(pi.getId())).extracting(OutboxMail::kind).containsOnly("new-task");
        assertThat(deliveredAbout("5.1")).isEmpty();
    }

    @Test
    void leadersLearnWhichReportsAreMissing() {
        missingReports.reportsMissing(AGENCY, "Đợt <b>thử</b> 83", List.of("83.1", "83.2"), "round-83");
        sender.sendDue();

        List<Mail> mails = received().stream().filter(mail -> mail.text().contains("83.2")).toList();
        assertThat(mails).extracting(Mail::to).containsExactlyInAnyOrder(LEADER, LEADER_EN);
        assertThat(to(mails, LEADER)).satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("[UPR] Chưa gửi báo cáo: Đợt <b>thử</b> 83 — 2 khuyến nghị");
            assertThat(mail.text()).contains("Bộ Công Thương còn 2 báo cáo", "- Khuyến nghị 83.1", "- Khuyến nghị 83.2",
                    "/dashboard").doesNotContain("/camunda/app/tasklist/");
        });
        assertThat(to(mails, LEADER_EN)).satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("[UPR] Reports missing: Đợt <b>thử</b> 83 — 2 recommendations");
            assertThat(mail.text()).contains("Ministry of Industry and Trade has 2 reports", "- Recommendation 83.1");
        });
        assertThat(mails).allSatisfy(mail -> assertThat(mail.html()).contains("Đợt &lt;b&gt;thử&lt;/b&gt; 83").doesNotContain("<b>"));
    }

    @Test
    void whileSmtpIsDownMailsWaitAndAreThenDeliveredExactlyOnce() {
        ProcessInstance pi = recommendations.track(CYCLE, "7.1", TEXT, AGENCY, null, "2", "31/03/2027");

        greenMail.stop();
        sender.sendDue(afterTheBatchWindow());
        assertThat(outbox.byBusinessKey(pi.getId())).hasSize(2).allSatisfy(row -> {
            assertThat(row.status()).isEqualTo(MailOutbox.Status.PENDING);
            assertThat(row.attempts()).isEqualTo(1);
            assertThat(row.lastError()).contains("Couldn't connect to host");
        });

        greenMail.start();
        sender.sendDue();
        assertThat(deliveredAbout("7.1")).as("not before the retry is due").isEmpty();
        sender.sendDue(Instant.now().plus(Duration.ofHours(1)));
        sender.sendDue(Instant.now().plus(Duration.ofHours(2)));
        assertThat(deliveredAbout("7.1")).extracting(Mail::to).containsExactlyInAnyOrder(FOCAL, FOCAL_EN);
        assertThat(outbox.byBusinessKey(pi.getId())).allSatisfy(row -> {
            assertThat(row.status()).isEqualTo(MailOutbox.Status.SENT);
            assertThat(row.attempts()).isEqualTo(2);
        });
    }

    @Test
    void afterTheLastAttemptAMailIsFailedVisibleToMofaAndCanBeResent(CapturedOutput log) throws Exception {
        ProcessInstance pi = recommendations.track(CYCLE, "8.1", TEXT, AGENCY, null, "2", "31/03/2027");

        greenMail.stop();
        Instant firstAttempt = afterTheBatchWindow();
        for (int attempt = 0; attempt < OutboxSender.MAX_ATTEMPTS; attempt++) {
            sender.sendDue(firstAttempt.plus(Duration.ofHours(2L * attempt)));
        }
        List<OutboxMail> rows = outbox.byBusinessKey(pi.getId());
        assertThat(rows).hasSize(2).allSatisfy(row -> {
            assertThat(row.status()).isEqualTo(MailOutbox.Status.FAILED);
            assertThat(row.attempts()).isEqualTo(OutboxSender.MAX_ATTEMPTS);
            assertThat(row.lastError()).isNotBlank();
        });
        assertThat(log.getOut()).contains("Mail " + rows.get(0).id() + " (new-task) to " + rows.get(0).recipientEmail()
                + " FAILED after 8 attempts").contains("WARN");

        var failed = http.withBasicAuth("mofa.focal", "demo").getForEntity("/api/notifications?status=FAILED&limit=1000", String.class);
        assertThat(failed.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode list = new ObjectMapper().readTree(failed.getBody());
        assertThat(list.findValuesAsText("status")).containsOnly("FAILED");
        assertThat(list.findValuesAsText("id")).contains(String.valueOf(rows.get(0).id()), String.valueOf(rows.get(1).id()));
        assertThat(http.withBasicAuth("mofa.focal", "demo").getForEntity("/api/notifications?status=LOST", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        greenMail.start();
        for (OutboxMail row : rows) {
            assertThat(http.withBasicAuth("mofa.focal", "demo").postForEntity("/api/notifications/" + row.id() + "/resend",
                    null, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        sender.sendDue();
        assertThat(about(received(), "8.1")).as("a resent mail goes out at once, on its own").extracting(Mail::to)
                .containsExactlyInAnyOrder(FOCAL, FOCAL_EN);
        assertThat(outbox.byBusinessKey(pi.getId())).extracting(OutboxMail::status).containsOnly(MailOutbox.Status.SENT);
    }

    @Test
    void aDigestReaderGetsOneMailADayListingEverything() {
        user("moit.digest", "Mary", "Major", DIGEST_READER, AGENCY);
        preferences.setLanguage("moit.digest", MailLanguage.EN);
        preferences.setDigest("moit.digest", true);
        try {
            ProcessInstance first = recommendations.track(CYCLE, "9.1", TEXT, AGENCY, null, "2", "31/03/2027");
            ProcessInstance second = recommendations.track(CYCLE, "9.2", TEXT, AGENCY, null, "2", "30/04/2027");
            sender.sendDue(afterTheBatchWindow());
            List<Mail> oneByOne = received();
            assertThat(oneByOne).extracting(Mail::to).as("the others: both new tasks in one mail")
                    .containsExactlyInAnyOrder(FOCAL, FOCAL_EN);
            assertThat(to(oneByOne, FOCAL).text()).contains("KN 9.1, hạn 31/03/2027", "KN 9.2, hạn 30/04/2027");
            assertThat(to(oneByOne, FOCAL_EN).text()).contains("recommendation 9.1, due 31/03/2027",
                    "recommendation 9.2, due 30/04/2027");

            assertThat(digest.collect(Instant.now())).isEqualTo(1);
            assertThat(digest.collect(Instant.now())).as("nothing left for a second digest").isZero();
            sender.sendDue();
            List<Mail> digests = received().stream().filter(mail -> mail.to().equals(DIGEST_READER)).toList();
            String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
            assertThat(digests).singleElement().satisfies(mail -> {
                assertThat(mail.subject()).isEqualTo("[UPR] Daily digest of " + today + ": 2 notices");
                assertThat(mail.text()).contains("Dear Mary Major,",
                        "New task: Prepare the implementation plan — recommendation 9.1, due 31/03/2027",
                        "New task: Prepare the implementation plan — recommendation 9.2, due 30/04/2027",
                        "/camunda/app/tasklist/default/#/?task=" + task(first, PREPARE_PLAN).getId(),
                        "/camunda/app/tasklist/default/#/?task=" + task(second, PREPARE_PLAN).getId());
                assertThat(mail.html()).contains("recommendation 9.1", "recommendation 9.2");
            });
            List<OutboxMail> carried = java.util.stream.Stream.concat(outbox.byBusinessKey(first.getId()).stream(),
                    outbox.byBusinessKey(second.getId()).stream()).filter(row -> DIGEST_READER.equals(row.recipientEmail())).toList();
            assertThat(carried).hasSize(2).allSatisfy(row -> {
                assertThat(row.status()).isEqualTo(MailOutbox.Status.DIGESTED);
                assertThat(row.digestId()).isNotNull();
                assertThat(row.sentAt()).isNotNull();
            });
            sender.sendDue();
            assertThat(received()).extracting(Mail::to).doesNotContain(DIGEST_READER);
        } finally {
            identity.deleteUser("moit.digest");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    record Mail(String to, String subject, String text, String html, String messageId) {
    }

    private Mail to(List<Mail> mails, String address) {
        return mails.stream().filter(mail -> mail.to().equals(address)).reduce((a, b) -> {
            throw new AssertionError("two mails to " + address + ": " + a.subject() + " / " + b.subject());
        }).orElseThrow(() -> new AssertionError("no mail to " + address + " in " + mails));
    }

    /** Delivers the outbox and returns this class's mails about one recommendation received since the last call. */
    private List<Mail> deliveredAbout(String number) {
        sender.sendDue(afterTheBatchWindow());
        return about(received(), number);
    }

    /** The engine's now plus the new-task batch window: new-task mails written up to now are due. */
    private Instant afterTheBatchWindow() {
        return ClockUtil.getCurrentTime().toInstant().plus(batchWindow);
    }

    private static List<Mail> about(List<Mail> mails, String number) {
        return mails.stream().filter(mail -> mail.text().contains("số " + number + " (chu kỳ UPR " + CYCLE + ")")
                || mail.text().contains("recommendation " + number + " (UPR cycle " + CYCLE + ")")).toList();
    }

    /** Everything GreenMail received since the last call; each mail is read once. */
    private List<Mail> received() {
        List<Mail> mails = java.util.Arrays.stream(greenMail.getReceivedMessages()).map(MailDeliveryTest::read).toList();
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return mails;
    }

    static Mail read(MimeMessage message) {
        try {
            return new Mail(message.getAllRecipients()[0].toString(), message.getSubject(), part(message, "text/plain"),
                    part(message, "text/html"), message.getMessageID());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return ((String) part.getContent()).replace("\r\n", "\n"); // SMTP carries lines as CRLF
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = part(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private Task task(ProcessInstance pi, String key) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    }

    private Job dueJob(ProcessInstance pi, String boundaryEvent) {
        return management.createJobQuery().processInstanceId(pi.getId()).activityId(boundaryEvent).executable().singleResult();
    }

    private void user(String id, String first, String last, String email, String group) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            identity.deleteUser(id);
        }
        User user = identity.newUser(id);
        user.setFirstName(first);
        user.setLastName(last);
        user.setEmail(email);
        user.setPassword("Thu-nghiem-2026"); // the password policy holds for every user saved here
        identity.saveUser(user);
        identity.createMembership(id, group);
    }

    private static Date moment(String isoOffsetDateTime) {
        return Date.from(OffsetDateTime.parse(isoOffsetDateTime).toInstant());
    }
}
