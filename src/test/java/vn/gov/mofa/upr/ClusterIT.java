package vn.gov.mofa.upr;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;
import vn.gov.mofa.upr.agency.AgencyDirectory;
import vn.gov.mofa.upr.agency.AgencyProvisioning;
import vn.gov.mofa.upr.importing.RecommendationImport;
import vn.gov.mofa.upr.workflow.RecommendationProcess;

/**
 * Camunda's cluster model: two application nodes on one PostgreSQL database, both with the job executor and the
 * mail sender running. Thousands of reminder timers fire and their mails go out: each timer runs once and each mail
 * is delivered once, even when one node stops in the middle of the work and the other takes over its jobs.
 */
class ClusterIT {

    static final int RECOMMENDATIONS = 1000;
    static final int SMTP_PORT = 3327;

    GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, null, ServerSetup.PROTOCOL_SMTP));

    @AfterEach
    void reset() {
        ClockUtil.reset();
        smtp.stop();
    }

    @Test
    void twoNodesFireEveryTimerAndSendEveryMailExactlyOnce() throws Exception {
        smtp.start();
        String url = EmbeddedPostgres.jdbcUrl("upr_cluster");
        clockMovingFrom("2030-01-02T09:00:00+07:00");
        try (ConfigurableApplicationContext nodeA = node(url); ConfigurableApplicationContext nodeB = node(url)) {
            aNodeProvisioningWaitsForTheOneAtIt(nodeA, nodeB);
            aLoginOnOneNodeHoldsOnTheOther(nodeA, nodeB);
            importAndTakeOnToFirstTasks(nodeA, 50, "31/01/2030");
            ManagementService management = nodeA.getBean(ManagementService.class);

            // 14 days before the plan is due: every first reminder timer is due at once, on both nodes
            clockMovingFrom("2030-01-17T08:30:00+07:00");
            await(() -> management.createJobQuery().timers().duedateLowerThan(ClockUtil.getCurrentTime()).count()
                    < RECOMMENDATIONS / 2);
            String lockOwnerOfA = lockOwner(nodeA);
            nodeA.close(); // one node stops in the middle of the work; the other must finish it
            long leftLocked = nodeB.getBean(JdbcTemplate.class)
                    .queryForObject("select count(*) from ACT_RU_JOB where LOCK_OWNER_ = ?", Long.class, lockOwnerOfA);

            ManagementService remaining = nodeB.getBean(ManagementService.class);
            await(() -> remaining.createJobQuery().timers().duedateLowerThan(ClockUtil.getCurrentTime()).count() == 0);
            eachReminderRanAndWasDeliveredOnce(nodeB);
            System.out.printf("cluster: %d timers run once and their mails delivered once, node A stopped mid-way "
                    + "leaving %d jobs locked%n", RECOMMENDATIONS, leftLocked);
        }
    }

    /**
     * Node A runs in a JVM of its own. Both nodes start together on an empty database; later A is killed (SIGKILL)
     * while it holds reminder jobs: no shutdown, its open transactions die with its connections. Node B takes A's
     * jobs once their locks expire; every timer runs once.
     */
    @Test
    void aNodeKilledWhileHoldingJobsLeavesThemToTheOther() throws Exception {
        smtp.start();
        String url = EmbeddedPostgres.jdbcUrl("upr_cluster_kill");
        Path logOfA = Files.createTempFile("upr-node-a", ".log");
        // node A sends no mail: a node killed between the SMTP server's accept and the SENT mark is the known limit
        // of the outbox (docs/faults.md); here the jobs are what is killed
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), UprApplication.class.getName()));
        command.addAll(nodeSettings(url));
        command.add("--upr.mail.poll-interval=PT1H");
        Process nodeA = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logOfA.toFile()).start();
        // node B starts in the same moment, on the same empty database, as two replicas of a deployment do
        try (ConfigurableApplicationContext nodeB = node(url)) {
            await(() -> read(logOfA).contains("Started UprApplication"));
            assertThat(nodeB.getBean(IdentityService.class).createGroupQuery().groupType("AGENCY").count())
                    .as("one set of agency groups").isEqualTo(nodeB.getBean(AgencyDirectory.class).all().size());
            assertThat(nodeB.getBean(FilterService.class).createFilterQuery().count())
                    .as("one set of Tasklist filters: mine, due soon, overdue, returned").isEqualTo(4);
            importAndTakeOnToFirstTasks(nodeB, 51, "31/12/2030");
            JdbcTemplate db = nodeB.getBean(JdbcTemplate.class);

            // every first reminder is due now, for both nodes (each has its own clock, so the due dates move)
            db.update("update ACT_RU_JOB set DUEDATE_ = ? where JOB_DEF_ID_ in (select ID_ from ACT_RU_JOBDEF where ACT_ID_ = 'PlanReminder1')",
                    new java.sql.Timestamp(System.currentTimeMillis() - 60_000));
            String lockOwnerOfB = lockOwner(nodeB);
            String heldByA = "select count(*) from ACT_RU_JOB where LOCK_OWNER_ is not null and LOCK_OWNER_ <> ? and LOCK_EXP_TIME_ > ?";
            await(() -> db.queryForObject(heldByA, Long.class, lockOwnerOfB, new java.sql.Timestamp(System.currentTimeMillis())) > 0);
            nodeA.destroyForcibly().waitFor(); // SIGKILL, in the middle of its jobs
            long orphaned = db.queryForObject(heldByA, Long.class, lockOwnerOfB, new java.sql.Timestamp(System.currentTimeMillis()));

            assertThat(orphaned).as("node A was killed holding jobs").isPositive();
            await(() -> nodeB.getBean(ManagementService.class).createJobQuery().activityId("PlanReminder1").count() == 0);
            eachReminderRanAndWasDeliveredOnce(nodeB);
            System.out.printf("cluster: node A killed holding %d jobs; node B ran them after their locks expired; "
                    + "%d timers ran once%n", orphaned, RECOMMENDATIONS);
        } finally {
            nodeA.destroyForcibly();
        }
    }

    /**
     * Imports {@link #RECOMMENDATIONS} recommendations led by mps on {@code node}; both nodes' job executors take
     * each on to its first task, whose "new task" mail goes out (not counted by what follows).
     */
    private void importAndTakeOnToFirstTasks(ConfigurableApplicationContext node, int cycle, String planDueDate)
            throws Exception {
        var csv = new StringBuilder("number,text,recommending_states,response,cycle,task_group,lead_agency,plan_due_date\n");
        for (int i = 0; i < RECOMMENDATIONS; i++) {
            csv.append("C.").append(i).append(",Cluster recommendation ").append(i).append(",France,,").append(cycle)
                    .append(",3,mps,").append(planDueDate).append('\n');
        }
        assertThat(node.getBean(RecommendationImport.class)
                .importFile("cluster.csv", csv.toString().getBytes(StandardCharsets.UTF_8), null, false, "mofa.focal").errors()).isEmpty();
        ManagementService management = node.getBean(ManagementService.class);
        await(() -> management.createJobQuery().activityId(RecommendationProcess.TRACKED).count() == 0);
        assertThat(node.getBean(HistoryService.class).createHistoricActivityInstanceQuery()
                .activityId(RecommendationProcess.PREPARE_PLAN).count()).as("each first step ran once").isEqualTo(RECOMMENDATIONS);
        JdbcTemplate db = node.getBean(JdbcTemplate.class);
        await(() -> db.queryForObject("select count(*) from outbox_mail where status <> 'SENT'", Long.class) == 0);
        smtp.purgeEmailFromAllMailboxes();
    }

    /** Every first reminder ran once, queued one mail, and that mail reached the SMTP server once. */
    private void eachReminderRanAndWasDeliveredOnce(ConfigurableApplicationContext node) throws Exception {
        JdbcTemplate db = node.getBean(JdbcTemplate.class);
        await(() -> db.queryForObject("select count(*) from outbox_mail where kind = 'reminder' and status = 'SENT'",
                Long.class) >= RECOMMENDATIONS);
        assertThat(node.getBean(HistoryService.class).createHistoricActivityInstanceQuery().activityId("RemindPlan")
                .finished().count()).as("each reminder timer ran once").isEqualTo(RECOMMENDATIONS);
        assertThat(db.queryForObject("select count(*) from outbox_mail where kind = 'reminder'", Long.class))
                .isEqualTo(RECOMMENDATIONS);
        Map<String, Integer> perSubject = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            perSubject.merge(message.getSubject(), 1, Integer::sum);
        }
        assertThat(perSubject).hasSize(RECOMMENDATIONS);
        assertThat(perSubject.values()).as("no mail delivered twice").allMatch(n -> n == 1);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /**
     * Sessions live in the shared database: a user who logged in through node A is logged in on node B (the load
     * balancer may send her anywhere, a node may stop), and logging out on B ends the session on A too.
     */
    private static void aLoginOnOneNodeHoldsOnTheOther(ConfigurableApplicationContext nodeA,
            ConfigurableApplicationContext nodeB) throws Exception {
        var cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String a = "http://localhost:" + nodeA.getEnvironment().getProperty("local.server.port");
        String b = "http://localhost:" + nodeB.getEnvironment().getProperty("local.server.port");
        String auth = "/camunda/api/admin/auth/user/default";

        assertThat(get(browser, a + "/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        assertThat(post(browser, cookies, a + auth + "/login/tasklist", "username=mofa.focal&password=demo").statusCode())
                .as("login on node A").isEqualTo(200);
        HttpResponse<String> onB = get(browser, b + auth);
        assertThat(onB.statusCode()).as("the same browser on node B").isEqualTo(200);
        assertThat(onB.body()).contains("\"userId\":\"mofa.focal\"");
        assertThat(get(browser, b + "/dashboard").statusCode()).as("the application's pages on node B").isEqualTo(200);

        assertThat(post(browser, cookies, b + auth + "/logout", "").statusCode()).as("logout on node B").isEqualTo(200);
        assertThat(get(browser, a + auth).body()).as("logged out on node A too").doesNotContain("mofa.focal");
        assertThat(get(browser, a + "/dashboard").statusCode()).isEqualTo(302);
    }

    private static HttpResponse<String> get(HttpClient browser, String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form post as the Camunda webapps send it, with the CSRF token from the XSRF-TOKEN cookie. */
    private static HttpResponse<String> post(HttpClient browser, CookieManager cookies, String url, String form)
            throws Exception {
        String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("X-XSRF-TOKEN", token)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Node B's startup provisioning waits while node A holds the startup lock, then finds everything in place. */
    private static void aNodeProvisioningWaitsForTheOneAtIt(ConfigurableApplicationContext nodeA,
            ConfigurableApplicationContext nodeB) {
        var provisioningOnB = new java.util.concurrent.atomic.AtomicReference<CompletableFuture<Void>>();
        nodeA.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
            nodeA.getBean(JdbcTemplate.class).queryForObject("select id from startup_lock for update", Integer.class);
            provisioningOnB.set(CompletableFuture.runAsync(() -> nodeB.getBean(AgencyProvisioning.class).onApplicationReady(null)));
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertThat(provisioningOnB.get()).as("node B waits while node A provisions").isNotDone();
        });
        provisioningOnB.get().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join();
    }

    /**
     * Sets both in-JVM nodes' clock to {@code time} and lets it run on, so that the job locks of a stopped node
     * expire as they would in production (a fixed clock would hold them forever).
     */
    private static void clockMovingFrom(String time) {
        ClockUtil.offset(OffsetDateTime.parse(time).toInstant().toEpochMilli() - System.currentTimeMillis());
    }

    private static String lockOwner(ConfigurableApplicationContext node) {
        return ((ProcessEngineConfigurationImpl) node.getBean(ProcessEngine.class).getProcessEngineConfiguration())
                .getJobExecutor().getLockOwner();
    }

    /** A node in this JVM that sends its mails to the test's SMTP server. */
    private static ConfigurableApplicationContext node(String url) {
        List<String> args = new ArrayList<>(nodeSettings(url));
        args.addAll(List.of("--spring.mail.host=localhost", "--spring.mail.port=" + SMTP_PORT, "--upr.mail.poll-interval=PT1S"));
        return new SpringApplicationBuilder(UprApplication.class).run(args.toArray(String[]::new));
    }

    /**
     * Every node's settings: the job executor on, job locks that expire after seconds (5 minutes as shipped), and a
     * failed job tried again a second later (5 minutes as shipped), so that the tests wait seconds, not minutes.
     */
    private static List<String> nodeSettings(String url) {
        return List.of("--spring.profiles.active=test", "--server.port=0", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--camunda.bpm.job-execution.enabled=true", "--camunda.bpm.job-execution.lock-time-in-millis=5000",
                "--camunda.bpm.job-execution.max-wait=2000",
                "--camunda.bpm.generic-properties.properties.failed-job-retry-time-cycle=R3/PT1S",
                // each new-task mail on its own at once (5 minutes' wait for a list as shipped): the tests count mails
                "--upr.mail.batch-window=PT0S");
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Await.until(Duration.ofMinutes(5), condition);
    }
}
