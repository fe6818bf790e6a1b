package vn.gov.mofa.upr.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Mail is written here in the transaction of the process step that causes it (the engine and this table
 * share one Spring transaction), and sent afterwards by {@link OutboxSender}: a rolled-back step leaves no mail.
 */
@Repository
public class MailOutbox {

    public enum Status { PENDING, SENT, FAILED }

    private final NamedParameterJdbcTemplate jdbc;

    public MailOutbox(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void enqueue(String kind, Recipient to, RenderedMail mail, String businessKey) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                insert into outbox_mail (kind, recipient_user, recipient_email, subject, body_text, body_html, business_key,
                    status, attempts, next_attempt_at, created_at)
                values (:kind, :user, :email, :subject, :text, :html, :key, 'PENDING', 0, :now, :now)
                """, new MapSqlParameterSource("kind", kind).addValue("user", to.userId()).addValue("email", to.email())
                .addValue("subject", mail.subject()).addValue("text", mail.text()).addValue("html", mail.html())
                .addValue("key", businessKey).addValue("now", now));
    }

    /** A failed mail goes back into the queue, as if new (MOFA pressed "resend"). */
    public boolean resend(long id) {
        return jdbc.update("""
                update outbox_mail set status = 'PENDING', attempts = 0, next_attempt_at = :now, last_error = null,
                    claim_expires_at = null where id = :id and status = 'FAILED'
                """, new MapSqlParameterSource("id", id).addValue("now", Timestamp.from(Instant.now()))) == 1;
    }

    public java.util.Map<Status, Long> countByStatus() {
        var counts = new java.util.EnumMap<Status, Long>(Status.class);
        jdbc.query("select status, count(*) n from outbox_mail group by status", rs -> {
            counts.put(Status.valueOf(rs.getString("status")), rs.getLong("n"));
        });
        return counts;
    }

    public List<OutboxMail> recent(int limit) {
        return jdbc.query("select * from outbox_mail order by id desc limit :limit", new MapSqlParameterSource("limit", limit),
                (rs, i) -> new OutboxMail(rs.getLong("id"), rs.getString("kind"), rs.getString("recipient_user"),
                        rs.getString("recipient_email"), rs.getString("subject"), rs.getString("body_text"),
                        rs.getString("body_html"), rs.getString("business_key"), Status.valueOf(rs.getString("status")),
                        rs.getInt("attempts"), rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant()));
    }
}
