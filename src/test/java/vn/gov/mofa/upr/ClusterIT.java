package vn.gov.mofa.upr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
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
 * Camunda's cluster model: two application nodes on one PostgreSQL database, started together on a fresh database,
 * both with the job executor and the mail sender running. Thousands of reminder timers fire and their mails go out: each timer runs once and each mail
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
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2030-01-02T09:00:00+07:00").toInstant()));
        // both nodes start at the same moment on the fresh database, as two replicas of a deployment do
        CompletableFuture<ConfigurableApplicationContext> startingB = CompletableFuture.supplyAsync(() -> node(url));
        try (ConfigurableApplicationContext nodeA = node(url); ConfigurableApplicationContext nodeB = startingB.join()) {
            assertThat(nodeB.getBean(IdentityService.class).createGroupQuery().groupType("AGENCY").count())
                    .as("one set of agency groups").isEqualTo(nodeA.getBean(AgencyDirectory.class).all().size());
            assertThat(nodeB.getBean(FilterService.class).createFilterQuery().count()).as("one set of Tasklist filters")
                    .isEqualTo(3);
            aNodeProvisioningWaitsForTheOneAtIt(nodeA, nodeB);
            var csv = new StringBuilder("number,text,recommending_states,response,cycle,task_group,lead_agency,plan_due_date\n");
            for (int i = 0; i < RECOMMENDATIONS; i++) {
                csv.append("C.").append(i).append(",Cluster recommendation ").append(i).append(",France,,50,3,mps,31/01/2030\n");
            }
            assertThat(nodeA.getBean(RecommendationImport.class)
                    .importFile("cluster.csv", csv.toString().getBytes(StandardCharsets.UTF_8), null, false, "mofa.focal").errors()).isEmpty();
            JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);
            ManagementService management = nodeA.getBean(ManagementService.class);
            // the import only starts; both nodes' job executors take each recommendation on to its first task
            await(() -> management.createJobQuery().activityId(RecommendationProcess.TRACKED).count() == 0);
            assertThat(nodeA.getBean(HistoryService.class).createHistoricActivityInstanceQuery()
                    .activityId(RecommendationProcess.PREPARE_PLAN).count()).as("each first step ran once").isEqualTo(RECOMMENDATIONS);
            await(() -> jdbc.queryForObject("select count(*) from outbox_mail where status <> 'SENT'", Long.class) == 0);
            smtp.purgeEmailFromAllMailboxes(); // the new-task mails; what follows counts the reminders

            // 14 days before the plan is due: every first reminder timer is due at once, on both nodes
            ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2030-01-17T08:30:00+07:00").toInstant()));
            await(() -> management.createJobQuery().timers().duedateLowerThan(ClockUtil.getCurrentTime()).count()
                    < RECOMMENDATIONS / 2);
            nodeA.close(); // one node stops in the middle of the work; the other must finish it

            HistoryService history = nodeB.getBean(HistoryService.class);
            ManagementService remaining = nodeB.getBean(ManagementService.class);
            JdbcTemplate db = nodeB.getBean(JdbcTemplate.class);
            await(() -> remaining.createJobQuery().timers().duedateLowerThan(ClockUtil.getCurrentTime()).count() == 0);
            await(() -> db.queryForObject("select count(*) from outbox_mail where kind = 'reminder' and status = 'SENT'",
                    Long.class) >= RECOMMENDATIONS);

            long reminders = history.createHistoricActivityInstanceQuery().activityId("RemindPlan").finished().count();
            assertThat(reminders).as("each reminder timer ran once").isEqualTo(RECOMMENDATIONS);
            assertThat(db.queryForObject("select count(*) from outbox_mail where kind = 'reminder'", Long.class))
                    .isEqualTo(RECOMMENDATIONS);
            Map<String, Integer> perSubject = new HashMap<>();
            for (MimeMessage message : smtp.getReceivedMessages()) {
                perSubject.merge(message.getSubject(), 1, Integer::sum);
            }
            assertThat(perSubject).hasSize(RECOMMENDATIONS);
            assertThat(perSubject.values()).as("no mail delivered twice").allMatch(n -> n == 1);
            System.out.printf("cluster: %d timers run once, %d mails delivered once, node A stopped mid-way%n",
                    reminders, perSubject.size());
        }
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

    private static ConfigurableApplicationContext node(String url) {
        return new SpringApplicationBuilder(UprApplication.class).profiles("test").run("--server.port=0",
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--camunda.bpm.job-execution.enabled=true", "--camunda.bpm.job-execution.lock-time-in-millis=5000",
                "--spring.mail.host=localhost", "--spring.mail.port=" + SMTP_PORT, "--upr.mail.poll-interval=PT1S");
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 300_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("condition within 5 minutes").isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
