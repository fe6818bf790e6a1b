package vn.gov.mofa.upr.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Mail is written here in the transaction of the process step that causes it (the engine and this table
 * share one Spring transaction), and sent afterwards by {@link OutboxSender}: a rolled-back step leaves no mail.
 * Every statement on table {@code outbox_mail} is in this class: the sender's claims, the new-task batches and the
 * digest's collection change the same rows as a resend, so their conditions are read side by side.
 */
@Repository
public class MailOutbox {

    /** Where a mail is; {@link #label()} as MOFA reads it on the outbox page. */
    public enum Status {
        /** Waits for {@link OutboxSender} (again, after a failed attempt). */
        PENDING("Chờ gửi"),
        SENT("Đã gửi"),
        /** Gave up after {@link OutboxSender#MAX_ATTEMPTS}; MOFA can resend it. */
        FAILED("Gửi lỗi"),
        /** For a person who chose the daily digest: waits for {@link DailyDigest}. */
        DIGEST("Chờ thư tổng hợp ngày"),
        /** Part of a digest mail ({@code digest_id}); {@code sent_at} is set when that digest is sent. */
        DIGESTED("Gộp vào thư tổng hợp ngày"),
        /**
         * Listed with the person's other new tasks in one mail ({@code digest_id}, {@link NewTaskBatches});
         * {@code sent_at} is set when that mail is sent.
         */
        BATCHED("Gộp vào danh sách công việc mới");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A new-task mail no sender has claimed yet: it may still be listed with others. One a sender claimed (its node
     * may have died after the SMTP server took it) or MOFA resent goes out on its own, under its own Message-ID.
     */
    private static final String WAITING_NEW_TASK = "kind = '" + MailKind.NEW_TASK.template()
            + "' and status = 'PENDING' and claimed_by is null";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public MailOutbox(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Queues one mail; a person who chose the daily digest gets it in tomorrow's digest instead.
     *
     * @param link where the mail leads (listed in the digest), may be null
     * @return the outbox id
     */
    public long enqueue(MailKind kind, Recipient to, RenderedMail mail, String businessKey, String link) {
        Timestamp now = Timestamp.from(clock.instant());
        Status status = to.digest() && kind != MailKind.DIGEST ? Status.DIGEST : Status.PENDING;
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update("""
                insert into outbox_mail (kind, recipient_user, recipient_email, subject, body_text, body_html, summary,
                    business_key, link, status, attempts, next_attempt_at, created_at)
                values (:kind, :user, :email, :subject, :text, :html, :summary, :key, :link, :status, 0, :now, :now)
                """, new MapSqlParameterSource("kind", kind.template()).addValue("user", to.userId())
                .addValue("email", to.email()).addValue("subject", mail.subject()).addValue("text", mail.text())
                .addValue("summary", mail.summary())
                .addValue("html", mail.html()).addValue("key", businessKey).addValue("link", link)
                .addValue("status", status.name()).addValue("now", now), keys);
        // H2 returns the id only, PostgreSQL the whole row; the keys map is case-insensitive
        return ((Number) keys.getKeys().get("id")).longValue();
    }

    /** A failed mail goes back into the queue, as if new (MOFA pressed "resend"). */
    public boolean resend(long id) {
        return jdbc.update("""
                update outbox_mail set status = 'PENDING', attempts = 0, next_attempt_at = :now, last_error = null,
                    claim_expires_at = null where id = :id and status = 'FAILED'
                """, new MapSqlParameterSource("id", id).addValue("now", Timestamp.from(clock.instant()))) == 1;
    }

    public Map<Status, Long> countByStatus() {
        var counts = new EnumMap<Status, Long>(Status.class);
        jdbc.query("select status, count(*) n from outbox_mail group by status", rs -> {
            counts.put(Status.valueOf(rs.getString("status")), rs.getLong("n"));
        });
        return counts;
    }

    /** One page of the mails a query finds, newest first, and how many it finds in all. */
    public record Found(List<OutboxMail> mails, long total) {
    }

    /**
     * The mails {@code query} asks for, newest first, {@code pageSize} at a time; its days are days in {@code zone}.
     * The recipient matches as a part of the address or the user id, in any case, with no wildcard of its own.
     */
    public Found find(OutboxQuery query, int pageSize, ZoneId zone) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (query.status() != null) {
            where.append(" and status = :status");
            params.addValue("status", query.status().name());
        }
        if (query.kind() != null) {
            where.append(" and kind = :kind");
            params.addValue("kind", query.kind().template());
        }
        if (query.to() != null) {
            where.append(" and (lower(recipient_email) like :to escape '!' or lower(recipient_user) like :to escape '!')");
            params.addValue("to", "%" + query.to().toLowerCase(Locale.ROOT).replaceAll("[!%_]", "!$0") + "%");
        }
        if (query.from() != null) {
            where.append(" and created_at >= :from");
            params.addValue("from", Timestamp.from(query.from().atStartOfDay(zone).toInstant()));
        }
        if (query.until() != null) {
            where.append(" and created_at < :until");
            params.addValue("until", Timestamp.from(query.until().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        long total = jdbc.queryForObject("select count(*) from outbox_mail" + where, params, Long.class);
        params.addValue("limit", pageSize).addValue("offset", (query.page() - 1L) * pageSize);
        return new Found(jdbc.query("select * from outbox_mail" + where + " order by id desc limit :limit offset :offset",
                params, MailOutbox::row), total);
    }

    public List<OutboxMail> byBusinessKey(String businessKey) {
        return jdbc.query("select * from outbox_mail where business_key = :key order by id",
                new MapSqlParameterSource("key", businessKey), MailOutbox::row);
    }

    // --- for OutboxSender: claim, deliver, record the outcome

    /**
     * The ids of mails due at {@code now} and not claimed by a node, oldest first; a new-task mail written after
     * {@code heldAfter} is not due yet (it waits for others to the same person, {@link NewTaskBatches}).
     */
    List<Long> due(Instant now, Instant heldAfter, int limit) {
        return jdbc.queryForList("""
                select id from outbox_mail where status = 'PENDING' and next_attempt_at <= :now
                    and (claim_expires_at is null or claim_expires_at < :now)
                    and not (""" + WAITING_NEW_TASK + " and created_at > :heldAfter) order by id limit :limit",
                new MapSqlParameterSource("now", Timestamp.from(now)).addValue("heldAfter", Timestamp.from(heldAfter))
                .addValue("limit", limit), Long.class);
    }

    /**
     * Claims what is still free of {@code ids} in one statement, under {@code token}, and returns the mails carrying
     * the token afterwards: exactly this claim's (another node's concurrent update waits on the row lock, then no
     * longer matches).
     */
    List<OutboxMail> claim(Collection<Long> ids, String token, Instant now, Instant expires) {
        jdbc.update("""
                update outbox_mail set claimed_by = :token, claim_expires_at = :expires
                where id in (:ids) and status = 'PENDING' and (claim_expires_at is null or claim_expires_at < :now)
                """, new MapSqlParameterSource("token", token).addValue("expires", Timestamp.from(expires))
                .addValue("ids", ids).addValue("now", Timestamp.from(now)));
        return jdbc.query("select * from outbox_mail where claimed_by = :token and status = 'PENDING' order by id",
                new MapSqlParameterSource("token", token), MailOutbox::row);
    }

    /** The mails went out; the mails a digest or a new-task list carries count as sent with it. */
    void sent(List<OutboxMail> mails, Instant sentAt) {
        MapSqlParameterSource params = new MapSqlParameterSource("sentAt", Timestamp.from(sentAt))
                .addValue("ids", mails.stream().map(OutboxMail::id).toList());
        jdbc.update("""
                update outbox_mail set status = 'SENT', sent_at = :sentAt, attempts = attempts + 1,
                    claim_expires_at = null, last_error = null where id in (:ids)
                """, params);
        jdbc.update("update outbox_mail set sent_at = :sentAt where digest_id in (:ids)", params);
    }

    /** An attempt failed: the mail waits until {@code retryAt} (PENDING) or waits for MOFA (FAILED). */
    void attemptFailed(long id, Status status, int attempts, Instant retryAt, String error) {
        jdbc.update("""
                update outbox_mail set status = :status, attempts = :attempts, next_attempt_at = :retryAt,
                    last_error = :error, claim_expires_at = null where id = :id
                """, new MapSqlParameterSource("status", status.name()).addValue("attempts", attempts)
                .addValue("retryAt", Timestamp.from(retryAt)).addValue("id", id).addValue("error", error));
    }

    // --- for DailyDigest: collect each reader's mails into one

    /** One collected mail as a digest lists it. */
    record Collected(String subject, String link, Instant createdAt, String recipientEmail) {
    }

    /** The people with mails collected for their digest up to {@code upTo}. */
    List<String> digestReaders(Instant upTo) {
        return jdbc.queryForList("""
                select distinct recipient_user from outbox_mail where status = 'DIGEST' and created_at <= :upTo
                    and recipient_user is not null order by recipient_user
                """, new MapSqlParameterSource("upTo", Timestamp.from(upTo)), String.class);
    }

    /**
     * Claims {@code user}'s collected mails up to {@code upTo} for one digest, under {@code claim}, and returns them
     * oldest first; none when another node took them. The claim stands or falls with the caller's transaction.
     */
    List<Collected> collectFor(String user, Instant upTo, String claim) {
        MapSqlParameterSource params = new MapSqlParameterSource("claim", claim).addValue("user", user)
                .addValue("upTo", Timestamp.from(upTo));
        int claimed = jdbc.update("""
                update outbox_mail set status = 'DIGESTED', claimed_by = :claim
                where recipient_user = :user and status = 'DIGEST' and created_at <= :upTo
                """, params);
        if (claimed == 0) {
            return List.of();
        }
        return jdbc.query("""
                select subject, link, created_at, recipient_email from outbox_mail
                where claimed_by = :claim and status = 'DIGESTED' order by id
                """, params, (rs, i) -> new Collected(rs.getString("subject"), rs.getString("link"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("recipient_email")));
    }

    /** The mails claimed under {@code claim} (a digest's or a new-task list's) are carried by the mail {@code mailId}. */
    void carriedBy(String claim, long mailId) {
        jdbc.update("update outbox_mail set digest_id = :mail where claimed_by = :claim and status in ('DIGESTED', 'BATCHED')",
                new MapSqlParameterSource("claim", claim).addValue("mail", mailId));
    }

    // --- for NewTaskBatches: one mail for the new tasks a person got within the batch window

    /** One waiting new-task mail as the list of new tasks shows it: its line and its Tasklist link. */
    public record ListedTask(String recipientUser, String summary, String link) {
    }

    /**
     * The mailboxes with two or more new-task mails waiting, the first of them written at or before
     * {@code windowClosedAt}: their window is over.
     */
    List<String> newTaskListsDue(Instant windowClosedAt) {
        return jdbc.queryForList("select recipient_email from outbox_mail where " + WAITING_NEW_TASK + """

                group by recipient_email having count(*) > 1 and min(created_at) <= :closedAt order by recipient_email
                """, new MapSqlParameterSource("closedAt", Timestamp.from(windowClosedAt)), String.class);
    }

    /**
     * Claims every new-task mail waiting for {@code mailbox}, under {@code claim}, and returns them oldest first;
     * those another node claimed or sent meanwhile are not among them. The claim stands or falls with the caller's
     * transaction. A mail written before migration 18 has no summary: its subject stands in.
     */
    List<ListedTask> listNewTasks(String mailbox, String claim) {
        MapSqlParameterSource params = new MapSqlParameterSource("claim", claim).addValue("email", mailbox);
        jdbc.update("update outbox_mail set status = 'BATCHED', claimed_by = :claim where recipient_email = :email and "
                + WAITING_NEW_TASK, params);
        return jdbc.query("""
                select recipient_user, coalesce(summary, subject) summary, link from outbox_mail
                where claimed_by = :claim and status = 'BATCHED' order by id
                """, params, (rs, i) -> new ListedTask(rs.getString("recipient_user"), rs.getString("summary"),
                rs.getString("link")));
    }

    private static OutboxMail row(ResultSet rs, int i) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        Number digestId = (Number) rs.getObject("digest_id");
        return new OutboxMail(rs.getLong("id"), rs.getString("kind"), rs.getString("recipient_user"),
                rs.getString("recipient_email"), rs.getString("subject"), rs.getString("body_text"),
                rs.getString("body_html"), rs.getString("business_key"), Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"), rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(),
                sent == null ? null : sent.toInstant(), digestId == null ? null : digestId.longValue());
    }
}
