package vn.gov.mofa.upr.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Mail is written here in the transaction of the process step that causes it (the engine and this table
 * share one Spring transaction), and sent afterwards by {@link OutboxSender}: a rolled-back step leaves no mail.
 */
@Repository
public class MailOutbox {

    public enum Status {
        /** Waits for {@link OutboxSender} (again, after a failed attempt). */
        PENDING,
        SENT,
        /** Gave up after {@link OutboxSender#MAX_ATTEMPTS}; MOFA can resend it. */
        FAILED,
        /** For a person who chose the daily digest: waits for {@link DailyDigest}. */
        DIGEST,
        /** Part of a digest mail ({@code digest_id}); {@code sent_at} is set when that digest is sent. */
        DIGESTED
    }

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
                insert into outbox_mail (kind, recipient_user, recipient_email, subject, body_text, body_html, business_key,
                    link, status, attempts, next_attempt_at, created_at)
                values (:kind, :user, :email, :subject, :text, :html, :key, :link, :status, 0, :now, :now)
                """, new MapSqlParameterSource("kind", kind.template()).addValue("user", to.userId())
                .addValue("email", to.email()).addValue("subject", mail.subject()).addValue("text", mail.text())
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

    public List<OutboxMail> recent(int limit) {
        return jdbc.query("select * from outbox_mail order by id desc limit :limit", new MapSqlParameterSource("limit", limit),
                MailOutbox::row);
    }

    /** The latest mails in one status, newest first (MOFA looks for what failed). */
    public List<OutboxMail> recent(int limit, Status status) {
        return jdbc.query("select * from outbox_mail where status = :status order by id desc limit :limit",
                new MapSqlParameterSource("limit", limit).addValue("status", status.name()), MailOutbox::row);
    }

    public List<OutboxMail> byBusinessKey(String businessKey) {
        return jdbc.query("select * from outbox_mail where business_key = :key order by id",
                new MapSqlParameterSource("key", businessKey), MailOutbox::row);
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
