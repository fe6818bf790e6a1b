package vn.gov.mofa.upr.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.gov.mofa.upr.workflow.Deadlines;

/**
 * Once a day ({@code upr.mail.digest-cron}, 07:00 Hà Nội time by default), each person who chose the digest gets
 * one mail listing what was collected for them (status DIGEST) in their language. The rows are claimed with a
 * conditional update in the same transaction that queues the digest, so with two nodes every row is in exactly one
 * digest, and a failure leaves them for the next run. The digest itself is delivered, retried and, if need be,
 * resent like any other mail.
 */
@Component
public class DailyDigest {

    private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Recipients recipients;
    private final MailComposer mails;
    private final Clock clock;

    public DailyDigest(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions, Recipients recipients,
            MailComposer mails, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.recipients = recipients;
        this.mails = mails;
        this.clock = clock;
    }

    @Scheduled(cron = "${upr.mail.digest-cron:0 0 7 * * *}", zone = "${upr.zone}")
    public void sendDigests() {
        int digests = collect(clock.instant());
        if (digests > 0) {
            log.info("Queued {} daily digest mails", digests);
        }
    }

    /** Queues one digest for each person with mails collected up to {@code upTo}; returns how many digests. */
    public int collect(Instant upTo) {
        List<String> users = jdbc.queryForList("""
                select distinct recipient_user from outbox_mail where status = 'DIGEST' and created_at <= :upTo
                    and recipient_user is not null order by recipient_user
                """, new MapSqlParameterSource("upTo", Timestamp.from(upTo)), String.class);
        int digests = 0;
        for (String user : users) {
            try {
                if (Boolean.TRUE.equals(transaction.execute(status -> digestFor(user, upTo)))) {
                    digests++;
                }
            } catch (RuntimeException e) {
                // the claim rolled back with it: this person's mails wait for the next run
                log.warn("Daily digest for {} not made, retried at the next run: {}", user, e.toString());
            }
        }
        return digests;
    }

    private boolean digestFor(String user, Instant upTo) {
        String claim = UUID.randomUUID().toString();
        MapSqlParameterSource params = new MapSqlParameterSource("claim", claim).addValue("user", user)
                .addValue("upTo", Timestamp.from(upTo));
        int claimed = jdbc.update("""
                update outbox_mail set status = 'DIGESTED', claimed_by = :claim
                where recipient_user = :user and status = 'DIGEST' and created_at <= :upTo
                """, params);
        if (claimed == 0) {
            return false; // another node took them
        }
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select subject, link, created_at, recipient_email from outbox_mail
                where claimed_by = :claim and status = 'DIGESTED' order by id
                """, params);
        List<DigestItem> items = rows.stream().map(row -> new DigestItem((String) row.get("subject"),
                Deadlines.format(instant(row.get("created_at")).atZone(clock.getZone()).toLocalDate()), (String) row.get("link")))
                .toList();
        Recipient known = recipients.user(user);
        String lastEmail = (String) rows.get(rows.size() - 1).get("recipient_email");
        Recipient to = known == null ? new Recipient(user, "", lastEmail, MailLanguage.VI, false)
                : new Recipient(known.userId(), known.name(), known.email(), known.language(), false);
        String today = Deadlines.format(upTo.atZone(clock.getZone()).toLocalDate());
        long digestId = mails.queue(MailKind.DIGEST, to, language -> Map.of("items", items, "date", today), null, null);
        jdbc.update("update outbox_mail set digest_id = :digest where claimed_by = :claim and status = 'DIGESTED'",
                params.addValue("digest", digestId));
        return true;
    }

    private static Instant instant(Object value) {
        return value instanceof java.time.OffsetDateTime moment ? moment.toInstant() : ((Timestamp) value).toInstant();
    }
}
