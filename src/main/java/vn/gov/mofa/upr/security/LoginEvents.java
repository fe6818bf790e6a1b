package vn.gov.mofa.upr.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Wrong passwords worth an administrator's look (table {@code login_event}, kept {@value #KEPT_DAYS} days, and a
 * WARN in the log): a user delayed after several wrong passwords in a row, an address refused for a while. Never a
 * password. The user id is whatever the client sent, so it is cut short and stripped of control characters.
 */
@Component
public class LoginEvents {

    public enum Kind { USER_DELAYED, ADDRESS_REFUSED }

    /** {@code failures}: wrong passwords in a row (a user) or counted for the address; refused until {@code endsAt}. */
    public record Event(OffsetDateTime at, Kind kind, String userId, String address, int failures, OffsetDateTime endsAt) {
    }

    static final int KEPT_DAYS = 90;
    private static final Logger log = LoggerFactory.getLogger(LoginEvents.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public LoginEvents(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void userDelayed(String userId, String address, int failures, Instant endsAt) {
        log.warn("Login: user {} delayed until {} after {} wrong passwords in a row, the last from {}",
                printable(userId), endsAt, failures, address);
        record(Kind.USER_DELAYED, userId, address, failures, endsAt);
    }

    void addressRefused(String address, String userId, int failures, Instant endsAt) {
        log.warn("Login: address {} refused until {} after {} wrong passwords, the last for user {}",
                address, endsAt, failures, printable(userId));
        record(Kind.ADDRESS_REFUSED, userId, address, failures, endsAt);
    }

    /** The latest events, newest first, in Viet Nam's time. */
    public List<Event> latest(int limit) {
        return jdbc.query("select * from login_event order by occurred_at desc, id desc limit :limit",
                new MapSqlParameterSource("limit", limit), (rs, i) -> new Event(local(rs, "occurred_at"),
                        Kind.valueOf(rs.getString("kind")), rs.getString("user_id"), rs.getString("address"),
                        rs.getInt("failures"), local(rs, "ends_at")));
    }

    private void record(Kind kind, String userId, String address, int failures, Instant endsAt) {
        Instant now = clock.instant();
        jdbc.update("delete from login_event where occurred_at < :cutoff",
                new MapSqlParameterSource("cutoff", local(now.minus(Duration.ofDays(KEPT_DAYS)))));
        jdbc.update("""
                insert into login_event (occurred_at, kind, user_id, address, failures, ends_at)
                values (:at, :kind, :user, :address, :failures, :endsAt)
                """, new MapSqlParameterSource("at", local(now)).addValue("kind", kind.name())
                .addValue("user", printable(userId)).addValue("address", address).addValue("failures", failures)
                .addValue("endsAt", local(endsAt)));
    }

    private static String printable(String userId) {
        String clean = userId == null ? "" : userId.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 100 ? clean.substring(0, 100) : clean;
    }

    private OffsetDateTime local(Instant instant) {
        return OffsetDateTime.ofInstant(instant, clock.getZone());
    }

    private OffsetDateTime local(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).atZoneSameInstant(clock.getZone()).toOffsetDateTime();
    }
}
