package vn.gov.mofa.upr.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private final MailOutbox outbox;
    private final TransactionTemplate transaction;
    private final Recipients recipients;
    private final MailComposer mails;
    private final Clock clock;

    public DailyDigest(MailOutbox outbox, PlatformTransactionManager transactions, Recipients recipients,
            MailComposer mails, Clock clock) {
        this.outbox = outbox;
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
        int digests = 0;
        for (String user : outbox.digestReaders(upTo)) {
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
        List<MailOutbox.Collected> collected = outbox.collectFor(user, upTo, claim);
        if (collected.isEmpty()) {
            return false; // another node took them
        }
        List<DigestItem> items = collected.stream().map(mail -> new DigestItem(mail.subject(),
                Deadlines.format(LocalDate.ofInstant(mail.createdAt(), clock.getZone())), mail.link())).toList();
        Recipient known = recipients.user(user);
        String lastEmail = collected.get(collected.size() - 1).recipientEmail();
        Recipient to = known == null ? new Recipient(user, "", lastEmail, MailLanguage.VI, false)
                : new Recipient(known.userId(), known.name(), known.email(), known.language(), false);
        String today = Deadlines.format(LocalDate.ofInstant(upTo, clock.getZone()));
        long digestId = mails.queue(MailKind.DIGEST, to, language -> Map.of("items", items, "date", today), null, null);
        outbox.carriedBy(claim, digestId);
        return true;
    }
}
