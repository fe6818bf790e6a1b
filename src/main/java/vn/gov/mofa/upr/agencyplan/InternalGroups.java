package vn.gov.mofa.upr.agencyplan;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import vn.gov.mofa.upr.recommendation.RecommendationNumber;

/** Tables {@code internal_group} and {@code internal_group_tag}: an agency's own groups and which recommendation is in which. */
@Repository
class InternalGroups {

    /** A recommendation as the tags name it. */
    record Key(int cycle, String number) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    InternalGroups(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The agency's groups in the order people number them: "2" before "10". */
    List<InternalGroup> of(String agency) {
        return jdbc.query("select code, name from internal_group where agency = :agency",
                new MapSqlParameterSource("agency", agency), (rs, i) -> new InternalGroup(rs.getString("code"), rs.getString("name")))
                .stream().sorted(Comparator.comparing((InternalGroup g) -> RecommendationNumber.orderKey(g.code()))).toList();
    }

    Optional<InternalGroup> find(String agency, String code) {
        return of(agency).stream().filter(g -> g.code().equals(code)).findFirst();
    }

    /** Adds the group, or renames it when the agency already has that code. */
    @Transactional
    void save(String agency, InternalGroup group, String by) {
        var params = new MapSqlParameterSource("agency", agency).addValue("code", group.code()).addValue("name", group.name())
                .addValue("by", by).addValue("at", Timestamp.from(clock.instant()));
        if (jdbc.update("update internal_group set name = :name, changed_by = :by, changed_at = :at"
                + " where agency = :agency and code = :code", params) == 0) {
            jdbc.update("insert into internal_group (agency, code, name, changed_by, changed_at)"
                    + " values (:agency, :code, :name, :by, :at)", params);
        }
    }

    /** Removes a group no recommendation is tagged with; false when it has tags (or does not exist). */
    @Transactional
    boolean remove(String agency, String code) {
        var params = new MapSqlParameterSource("agency", agency).addValue("code", code);
        if (tagged(agency, code) > 0) {
            return false;
        }
        return jdbc.update("delete from internal_group where agency = :agency and code = :code", params) == 1;
    }

    int tagged(String agency, String code) {
        return jdbc.queryForObject("select count(*) from internal_group_tag where agency = :agency and group_code = :code",
                new MapSqlParameterSource("agency", agency).addValue("code", code), Integer.class);
    }

    /** Puts the recommendations in the group ({@code code} null: in none). */
    @Transactional
    void tag(String agency, List<Key> recommendations, String code, String by) {
        Map<Key, String> codes = new HashMap<>();
        recommendations.forEach(key -> codes.put(key, code));
        tagEach(agency, codes, by);
    }

    /** Puts each recommendation in its group (null: in none), all in one transaction. */
    @Transactional
    void tagEach(String agency, Map<Key, String> codes, String by) {
        Timestamp at = Timestamp.from(clock.instant());
        for (Map.Entry<Key, String> entry : codes.entrySet()) {
            Key key = entry.getKey();
            String code = entry.getValue();
            var params = new MapSqlParameterSource("agency", agency).addValue("cycle", key.cycle()).addValue("number", key.number())
                    .addValue("code", code).addValue("by", by).addValue("at", at);
            if (code == null) {
                jdbc.update("delete from internal_group_tag where agency = :agency and cycle = :cycle and number = :number", params);
            } else if (jdbc.update("update internal_group_tag set group_code = :code, tagged_by = :by, tagged_at = :at"
                    + " where agency = :agency and cycle = :cycle and number = :number", params) == 0) {
                jdbc.update("insert into internal_group_tag (agency, cycle, number, group_code, tagged_by, tagged_at)"
                        + " values (:agency, :cycle, :number, :code, :by, :at)", params);
            }
        }
    }

    /** Which group each tagged recommendation of the agency is in. */
    Map<Key, String> tagsOf(String agency) {
        Map<Key, String> tags = new HashMap<>();
        jdbc.query("select cycle, number, group_code from internal_group_tag where agency = :agency",
                new MapSqlParameterSource("agency", agency),
                rs -> {
                    tags.put(new Key(rs.getInt("cycle"), rs.getString("number")), rs.getString("group_code"));
                });
        return tags;
    }
}
