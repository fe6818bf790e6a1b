package vn.gov.mofa.upr.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.zaxxer.hikari.HikariDataSource;

import jakarta.mail.internet.MimeMessage;
import vn.gov.mofa.upr.EmbeddedPostgres;
import vn.gov.mofa.upr.workflow.EngineClock;

/**
 * Two nodes on one real PostgreSQL database, without Spring: two {@link OutboxSender}s draining the same outbox
 * at once deliver every mail exactly once; two {@link DailyDigest}s collecting at once put every collected mail
 * in exactly one digest; two senders listing new tasks at once put each in exactly one list, sent once.
 */
class OutboxRaceMailIT {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final int MAILS = 2000;
    static final EngineClock CLOCK = new EngineClock(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
    static HikariDataSource dataSource;
    static NamedParameterJdbcTemplate jdbc;
    static MailOutbox outbox;

    @BeforeAll
    static void database() {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(EmbeddedPostgres.jdbcUrl("upr_mail"));
        dataSource.setUsername("postgres");
        dataSource.setPassword("postgres");
        dataSource.setMaximumPoolSize(8);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("upr_schema_history")
                .load().migrate();
        jdbc = new NamedParameterJdbcTemplate(dataSource);
        outbox = new MailOutbox(jdbc, CLOCK);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @BeforeEach
    void emptyOutbox() {
        new JdbcTemplate(dataSource).update("delete from outbox_mail");
    }

    @Test
    void twoNodesDrainingTheOutboxAtOnceSendEveryMailExactlyOnce() throws Exception {
        for (int i = 0; i < MAILS; i++) {
            String n = String.format("%04d", i);
            outbox.enqueue(MailKind.REMINDER, new Recipient("user" + (i % 50), "Người nhận " + n, "user" + (i % 50) + "@upr.example.vn",
                    MailLanguage.VI, false), new RenderedMail("[UPR] Thư " + n, "Nội dung " + n, "<p>Nội dung " + n + "</p>"),
                    "race", null);
        }

        List<Integer> perNode = runConcurrently(2, node -> {
            new OutboxSender(outbox, newTasksOff(), mailSender(), CLOCK, "upr-noreply@mofa.gov.vn", 200).sendDue();
            return 0;
        });
        assertThat(perNode).hasSize(2);

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(MAILS);
        Set<String> messageIds = Arrays.stream(received).map(OutboxRaceMailIT::messageId).collect(Collectors.toSet());
        Set<String> subjects = Arrays.stream(received).map(OutboxRaceMailIT::subject).collect(Collectors.toSet());
        assertThat(messageIds).hasSize(MAILS);
        assertThat(subjects).hasSize(MAILS);
        assertThat(new JdbcTemplate(dataSource).queryForList("select status, count(*) from outbox_mail group by status"))
                .containsExactly(Map.of("status", "SENT", "count", (long) MAILS));
        assertThat(new JdbcTemplate(dataSource).queryForList(
                "select substring(claimed_by from 1 for 36) node, count(*) n from outbox_mail group by substring(claimed_by from 1 for 36)"))
                .as("both nodes sent a share").hasSize(2);
        assertThat(new JdbcTemplate(dataSource).queryForObject("select max(attempts) from outbox_mail", Integer.class)).isEqualTo(1);
    }

    @Test
    void twoNodesCollectingDigestsAtOnceListEveryMailInExactlyOneDigest() throws Exception {
        int users = 40;
        int perUser = 25;
        for (int i = 0; i < users * perUser; i++) {
            outbox.enqueue(MailKind.NEW_TASK, reader("reader" + (i % users)), new RenderedMail("[UPR] Việc " + i, "Nội dung", null),
                    "digest-race", "http://localhost/camunda/app/tasklist/default/#/?task=" + i);
        }

        List<Integer> digests = runConcurrently(2, node -> new DailyDigest(outbox, new DataSourceTransactionManager(dataSource),
                readers(), new MailComposer(templates(), outbox), CLOCK)
                .collect(CLOCK.instant()));

        var sql = new JdbcTemplate(dataSource);
        assertThat(digests.get(0) + digests.get(1)).as("one digest per reader, whichever node made it").isEqualTo(users);
        assertThat(sql.queryForObject("select count(*) from outbox_mail where kind = 'new-task' and status = 'DIGESTED'"
                + " and digest_id is not null", Integer.class)).isEqualTo(users * perUser);
        assertThat(sql.queryForObject("""
                select count(*) from outbox_mail item join outbox_mail digest on digest.id = item.digest_id
                where digest.kind = 'digest' and digest.recipient_user = item.recipient_user
                """, Integer.class)).as("each item is in its own reader's digest").isEqualTo(users * perUser);
        assertThat(sql.queryForList("select body_text from outbox_mail where kind = 'digest'", String.class))
                .hasSize(users).allSatisfy(text -> assertThat(text).contains("dưới đây là " + perUser + " thông báo"));
    }

    @Test
    void twoNodesListingNewTasksAtOnceListEachInExactlyOneMailSentOnce() throws Exception {
        int people = 40;
        int perPerson = 6;
        for (int i = 0; i < people * perPerson; i++) {
            String id = "focal" + (i % people);
            outbox.enqueue(MailKind.NEW_TASK, new Recipient(id, "Đầu mối " + id, id + "@upr.example.vn", MailLanguage.VI, false),
                    new RenderedMail("[UPR] Công việc mới: Việc " + i, "Nội dung", null, "Việc " + i), "list-race",
                    "http://localhost/camunda/app/tasklist/default/#/?task=" + i);
        }
        Duration window = Duration.ofMinutes(5);

        runConcurrently(2, node -> {
            new OutboxSender(outbox, newTasks(window), mailSender(), CLOCK, "upr-noreply@mofa.gov.vn", 200)
                    .sendDue(CLOCK.instant().plus(window));
            return 0;
        });

        var sql = new JdbcTemplate(dataSource);
        assertThat(sql.queryForObject("""
                select count(*) from outbox_mail item join outbox_mail list on list.id = item.digest_id
                where item.status = 'BATCHED' and list.kind = 'new-tasks' and list.recipient_email = item.recipient_email
                """, Integer.class)).as("each new task in its own person's list").isEqualTo(people * perPerson);
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(Arrays.stream(received).map(OutboxRaceMailIT::subject)).hasSize(people)
                .containsOnly("[UPR] Công việc mới: " + perPerson + " công việc");
        assertThat(Arrays.stream(received).map(OutboxRaceMailIT::to).distinct()).as("one list per person, sent once")
                .hasSize(people);
    }

    /** A node's new-task lists, with mails waiting {@code window} for others to the same person. */
    private static NewTaskBatches newTasks(Duration window) {
        return new NewTaskBatches(outbox, new DataSourceTransactionManager(dataSource), readers(),
                new MailComposer(templates(), outbox), new TasklistLinks("http://localhost"), window);
    }

    /** Each mail on its own, as before new tasks were listed together. */
    private static NewTaskBatches newTasksOff() {
        return newTasks(Duration.ZERO);
    }

    private static Recipient reader(String id) {
        return new Recipient(id, "Người đọc " + id, id + "@upr.example.vn", MailLanguage.VI, true);
    }

    /** The identity side of {@link Recipients}, without an engine: every reader exists and reads Vietnamese. */
    private static Recipients readers() {
        return new Recipients(null, null) {
            @Override
            public Recipient user(String userId) {
                return reader(userId);
            }
        };
    }

    private static MailTemplates templates() {
        TemplateEngine engine = new SpringTemplateEngine(); // Spring expressions, as in the application
        ClassLoaderTemplateResolver text = new MailTemplates.TextTemplates().textTemplateResolver();
        ClassLoaderTemplateResolver html = new ClassLoaderTemplateResolver();
        html.setPrefix("templates/");
        html.setSuffix(".html");
        html.setTemplateMode(TemplateMode.HTML);
        html.setCharacterEncoding("UTF-8");
        html.setOrder(1);
        engine.addTemplateResolver(text);
        engine.addTemplateResolver(html);
        return new MailTemplates(engine);
    }

    private static JavaMailSenderImpl mailSender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(greenMail.getSmtp().getPort());
        return sender;
    }

    interface Node {
        int run(int node) throws Exception;
    }

    /** Runs {@code work} on {@code nodes} threads released at the same moment. */
    private static List<Integer> runConcurrently(int nodes, Node work) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(nodes);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int node = 0; node < nodes; node++) {
                int id = node;
                results.add(threads.submit((Callable<Integer>) () -> {
                    start.await();
                    return work.run(id);
                }));
            }
            start.countDown();
            List<Integer> values = new ArrayList<>();
            for (Future<Integer> result : results) {
                values.add(result.get(2, TimeUnit.MINUTES));
            }
            return values;
        } finally {
            threads.shutdownNow();
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String to(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
