package vn.gov.mofa.upr.versioning;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The table {@code process_migration}: one row per migration batch started, kept for good. */
@Component
class MigrationLog {

    /** A batch as it was started. */
    record Entry(String batchId, String process, int fromVersion, String fromTag, int toVersion, String toTag,
            String sourceDefinitionId, int instances, String startedBy, OffsetDateTime startedAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    MigrationLog(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void started(String batchId, ProcessVersions.VersionGap gap, String sourceDefinitionId, int instances,
            String administrator) {
        jdbc.update("""
                insert into process_migration (batch_id, process_key, from_version, from_tag, to_version, to_tag,
                    source_definition_id, instances, started_by, started_at)
                values (:batch, :process, :fromVersion, :fromTag, :toVersion, :toTag, :source, :instances, :by, :at)
                """, new MapSqlParameterSource("batch", batchId).addValue("process", gap.process())
                .addValue("fromVersion", gap.fromVersion()).addValue("fromTag", gap.fromTag())
                .addValue("toVersion", gap.toVersion()).addValue("toTag", gap.toTag())
                .addValue("source", sourceDefinitionId).addValue("instances", instances).addValue("by", administrator)
                .addValue("at", OffsetDateTime.now(clock)));
    }

    /** Newest first. */
    List<Entry> all() {
        return jdbc.query("select * from process_migration order by started_at desc, batch_id",
                (rs, i) -> new Entry(rs.getString("batch_id"), rs.getString("process_key"), rs.getInt("from_version"),
                        rs.getString("from_tag"), rs.getInt("to_version"), rs.getString("to_tag"),
                        rs.getString("source_definition_id"), rs.getInt("instances"), rs.getString("started_by"),
                        rs.getObject("started_at", OffsetDateTime.class).atZoneSameInstant(clock.getZone())
                                .toOffsetDateTime()));
    }
}
