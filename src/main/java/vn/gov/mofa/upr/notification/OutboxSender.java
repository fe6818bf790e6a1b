package vn.gov.mofa.upr.notification;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Delivers the outbox over SMTP. Each node claims rows with a conditional update, so two nodes never send the
 * same mail; a claim expires, so a node that dies mid-send leaves its mails to the others. Failures are retried
 * with exponential backoff, then marked FAILED with the SMTP error.
 */
@Component
@ConditionalOnExpression("'${spring.mail.host:}' != ''")
public class OutboxSender {

    static final int MAX_ATTEMPTS = 8;
    private static final Duration CLAIM = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final JavaMailSender mail;
    private final String from;
    private final int batchSize;
    private final String node = UUID.randomUUID().toString();

    public OutboxSender(NamedParameterJdbcTemplate jdbc, JavaMailSender mail,
            @Value("${upr.mail.from:upr-noreply@mofa.gov.vn}") String from, @Value("${upr.mail.batch-size:200}") int batchSize) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.from = from;
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelayString = "${upr.mail.poll-interval:PT5S}")
    public void sendDue() {
        while (sendBatch() == batchSize) {
            // a full batch means more are waiting: keep going until the outbox is drained
        }
    }

    /** Claims and sends one batch of due mails; returns how many were claimed. */
    public int sendBatch() {
        Instant now = Instant.now();
        List<Long> due = jdbc.queryForList("""
                select id from outbox_mail where status = 'PENDING' and next_attempt_at <= :now
                    and (claim_expires_at is null or claim_expires_at < :now) order by id limit :limit
                """, new MapSqlParameterSource("now", Timestamp.from(now)).addValue("limit", batchSize), Long.class);
        int claimed = 0;
        for (Long id : due) {
            if (claim(id, now)) {
                claimed++;
                deliver(id);
            }
        }
        return claimed;
    }

    private boolean claim(long id, Instant now) {
        return jdbc.update("""
                update outbox_mail set claimed_by = :node, claim_expires_at = :expires
                where id = :id and status = 'PENDING' and (claim_expires_at is null or claim_expires_at < :now)
                """, new MapSqlParameterSource("node", node).addValue("expires", Timestamp.from(now.plus(CLAIM)))
                .addValue("id", id).addValue("now", Timestamp.from(now))) == 1;
    }

    private void deliver(long id) {
        var row = jdbc.queryForMap("select * from outbox_mail where id = :id", new MapSqlParameterSource("id", id));
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo((String) row.get("recipient_email"));
            helper.setSubject((String) row.get("subject"));
            String html = (String) row.get("body_html");
            if (html == null) {
                helper.setText((String) row.get("body_text"));
            } else {
                helper.setText((String) row.get("body_text"), html);
            }
            mail.send(message);
            jdbc.update("update outbox_mail set status = 'SENT', sent_at = :now, attempts = attempts + 1, claim_expires_at = null where id = :id",
                    new MapSqlParameterSource("now", Timestamp.from(Instant.now())).addValue("id", id));
        } catch (MailException | MessagingException e) {
            failed(id, ((Number) row.get("attempts")).intValue() + 1, e);
        }
    }

    private void failed(long id, int attempts, Exception e) {
        boolean final_ = attempts >= MAX_ATTEMPTS;
        Instant retryAt = Instant.now().plus(Duration.ofSeconds(Math.min(3600, 15L << Math.min(attempts, 10))));
        log.warn("Mail {} not sent (attempt {}): {}", id, attempts, e.getMessage());
        jdbc.update("""
                update outbox_mail set status = :status, attempts = :attempts, next_attempt_at = :retryAt,
                    last_error = :error, claim_expires_at = null where id = :id
                """, new MapSqlParameterSource("status", final_ ? "FAILED" : "PENDING").addValue("attempts", attempts)
                .addValue("retryAt", Timestamp.from(retryAt)).addValue("id", id)
                .addValue("error", String.valueOf(e.getMessage()).substring(0, Math.min(2000, String.valueOf(e.getMessage()).length()))));
    }
}
