package vn.gov.mofa.upr.casefile;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Table {@code evidence_file}: the files and what is known of them. Lists never read the content. */
@Repository
class EvidenceFiles {

    private static final String METADATA = "id, cycle, number, step, step_name, round_name, agency, file_name, media_type,"
            + " size_bytes, uploaded_by, uploaded_at";

    private final NamedParameterJdbcTemplate jdbc;

    EvidenceFiles(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long add(EvidenceFile file, byte[] content) {
        var key = new GeneratedKeyHolder();
        jdbc.update("""
                insert into evidence_file (cycle, number, step, step_name, round_name, agency, file_name, media_type,
                    size_bytes, content, uploaded_by, uploaded_at)
                values (:cycle, :number, :step, :stepName, :roundName, :agency, :fileName, :mediaType, :size, :content,
                    :uploadedBy, :uploadedAt)
                """, new MapSqlParameterSource("cycle", file.cycle()).addValue("number", file.number())
                .addValue("step", file.step()).addValue("stepName", file.stepName()).addValue("roundName", file.roundName())
                .addValue("agency", file.agency()).addValue("fileName", file.fileName())
                .addValue("mediaType", file.mediaType()).addValue("size", content.length).addValue("content", content)
                .addValue("uploadedBy", file.uploadedBy()).addValue("uploadedAt", Timestamp.from(file.uploadedAt())),
                key, new String[] {"id"});
        return key.getKey().longValue();
    }

    /** The files of one recommendation, oldest first. */
    List<EvidenceFile> of(int cycle, String number) {
        return jdbc.query("select " + METADATA + " from evidence_file where cycle = :cycle and number = :number order by id",
                new MapSqlParameterSource("cycle", cycle).addValue("number", number), ROW);
    }

    /** One file of one recommendation: a file of another recommendation is not found through this one. */
    Optional<EvidenceFile> find(int cycle, String number, long id) {
        return jdbc.query("select " + METADATA + " from evidence_file where id = :id and cycle = :cycle and number = :number",
                new MapSqlParameterSource("id", id).addValue("cycle", cycle).addValue("number", number), ROW).stream().findFirst();
    }

    byte[] content(long id) {
        return jdbc.queryForObject("select content from evidence_file where id = :id", new MapSqlParameterSource("id", id),
                byte[].class);
    }

    private static final RowMapper<EvidenceFile> ROW = (rs, i) -> new EvidenceFile(rs.getLong("id"), rs.getInt("cycle"),
            rs.getString("number"), rs.getString("step"), rs.getString("step_name"), rs.getString("round_name"),
            rs.getString("agency"), rs.getString("file_name"), rs.getString("media_type"), rs.getLong("size_bytes"),
            rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
}
