package vn.gov.mofa.upr.signoff;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether an agency's leader signs off its plans and reports before MOFA sees them (table {@code agency_sign_off},
 * its one owner). MOFA sets it per agency; an agency it never set follows {@code upr.sign-off.required-by-default}.
 * The diagram asks {@code ${agencySignOff.required(leadAgency)}} each time a plan or report is sent, so a change
 * applies to the next one sent.
 */
@Component("agencySignOff")
public class AgencySignOff {

    private final NamedParameterJdbcTemplate jdbc;
    private final boolean requiredByDefault;
    private final Clock clock;

    AgencySignOff(NamedParameterJdbcTemplate jdbc, @Value("${upr.sign-off.required-by-default}") boolean requiredByDefault,
            Clock clock) {
        this.jdbc = jdbc;
        this.requiredByDefault = requiredByDefault;
        this.clock = clock;
    }

    public boolean required(String agency) {
        return jdbc.queryForList("select required from agency_sign_off where agency = :agency",
                new MapSqlParameterSource("agency", agency), Boolean.class).stream().findFirst().orElse(requiredByDefault);
    }

    /** The agencies MOFA has set, with their setting; the others follow the default. */
    Map<String, Boolean> settings() {
        return jdbc.queryForList("select agency, required from agency_sign_off", Map.of()).stream()
                .collect(Collectors.toMap(row -> (String) row.get("agency"), row -> (Boolean) row.get("required")));
    }

    boolean requiredByDefault() {
        return requiredByDefault;
    }

    void set(String agency, boolean required, String by) {
        var values = new MapSqlParameterSource("agency", agency).addValue("required", required).addValue("by", by)
                .addValue("at", Timestamp.from(clock.instant()));
        if (jdbc.update("update agency_sign_off set required = :required, changed_by = :by, changed_at = :at"
                + " where agency = :agency", values) == 0) {
            jdbc.update("insert into agency_sign_off (agency, required, changed_by, changed_at)"
                    + " values (:agency, :required, :by, :at)", values);
        }
    }
}
