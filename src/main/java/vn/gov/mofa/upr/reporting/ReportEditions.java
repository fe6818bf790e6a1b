package vn.gov.mofa.upr.reporting;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Table {@code report_edition}: the approved and returned editions of each round's consolidated report. Rows are
 * only ever added; nothing updates or deletes one, so an approved edition reads the same bytes for good.
 */
@Repository
public class ReportEditions {

    /** One generated file of an edition and its SHA-256 (hex). */
    public record File(String name, byte[] content, String sha256) {
    }

    private static final String METADATA = "id, round_id, kind, decided_by, decided_by_name, decided_at, leader_comment, "
            + "docx_name, docx_sha256, xlsx_name, xlsx_sha256";

    private final NamedParameterJdbcTemplate jdbc;

    public ReportEditions(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(String roundId, Edition.Kind kind, String decidedBy, String decidedByName, java.time.Instant decidedAt,
            String comment, File docx, File xlsx) {
        jdbc.update("""
                insert into report_edition (round_id, kind, decided_by, decided_by_name, decided_at, leader_comment,
                    docx_name, docx, docx_sha256, xlsx_name, xlsx, xlsx_sha256)
                values (:round, :kind, :by, :byName, :at, :comment, :docxName, :docx, :docxSha, :xlsxName, :xlsx, :xlsxSha)
                """, new MapSqlParameterSource("round", roundId).addValue("kind", kind.name()).addValue("by", decidedBy)
                .addValue("byName", decidedByName).addValue("at", Timestamp.from(decidedAt)).addValue("comment", comment)
                .addValue("docxName", docx.name()).addValue("docx", docx.content()).addValue("docxSha", docx.sha256())
                .addValue("xlsxName", xlsx.name()).addValue("xlsx", xlsx.content()).addValue("xlsxSha", xlsx.sha256()));
    }

    /** A round's editions, oldest first. */
    public List<StoredEdition> of(String roundId) {
        return jdbc.query("select " + METADATA + " from report_edition where round_id = :round order by decided_at, id",
                new MapSqlParameterSource("round", roundId), ROW);
    }

    public Optional<StoredEdition> approvedOf(String roundId) {
        return of(roundId).stream().filter(e -> e.kind() == Edition.Kind.APPROVED).findFirst();
    }

    public Optional<StoredEdition> find(long id) {
        return jdbc.query("select " + METADATA + " from report_edition where id = :id", new MapSqlParameterSource("id", id), ROW)
                .stream().findFirst();
    }

    /** The stored bytes of one file of an edition; {@code format} is "docx" or "xlsx" (never taken from a request as is). */
    public byte[] content(long id, ReportFormat format) {
        return jdbc.queryForObject("select " + format.column() + " from report_edition where id = :id",
                new MapSqlParameterSource("id", id), byte[].class);
    }

    private static final RowMapper<StoredEdition> ROW = (rs, i) -> new StoredEdition(rs.getLong("id"), rs.getString("round_id"),
            Edition.Kind.valueOf(rs.getString("kind")), rs.getString("decided_by"), rs.getString("decided_by_name"),
            rs.getTimestamp("decided_at").toInstant(), rs.getString("leader_comment"), rs.getString("docx_name"),
            rs.getString("docx_sha256"), rs.getString("xlsx_name"), rs.getString("xlsx_sha256"));
}
