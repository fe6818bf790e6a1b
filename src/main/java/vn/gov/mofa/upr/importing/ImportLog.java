package vn.gov.mofa.upr.importing;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Who imported which list and when, with what the import did (table {@code import_log}). */
@Component
public class ImportLog {

    /** One import that wrote to the registry; {@code importedAt} in Viet Nam's time. */
    public record Entry(String fileName, String importedBy, OffsetDateTime importedAt, int created, int updated,
            int unchanged, int tracked, int waitingForAssignment, int viaOtherNames, int notesKept) {
    }

    /** The width of {@code import_log.file_name}; a longer name is kept by its start, the import is not refused for it. */
    private static final int FILE_NAME = 255;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public ImportLog(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(String fileName, String importedBy, ImportReport report) {
        jdbc.update("""
                insert into import_log (file_name, imported_by, imported_at, created, updated, unchanged, tracked,
                    waiting_for_assignment, via_other_names, notes_kept)
                values (:file, :user, :at, :created, :updated, :unchanged, :tracked, :waiting, :viaOtherNames, :notes)
                """, new MapSqlParameterSource("file", fileName == null ? ""
                : fileName.substring(0, Math.min(fileName.length(), FILE_NAME))).addValue("user", importedBy)
                .addValue("at", OffsetDateTime.now(clock))
                .addValue("created", report.created()).addValue("updated", report.updated())
                .addValue("unchanged", report.unchanged()).addValue("tracked", report.tracked())
                .addValue("waiting", report.waitingForAssignment()).addValue("viaOtherNames", report.viaOtherNames())
                .addValue("notes", report.notesKept()));
    }

    public List<Entry> latest(int limit) {
        return jdbc.query("select * from import_log order by imported_at desc, id desc limit :limit",
                new MapSqlParameterSource("limit", limit), (rs, i) -> new Entry(rs.getString("file_name"),
                        rs.getString("imported_by"), rs.getObject("imported_at", OffsetDateTime.class)
                                .atZoneSameInstant(clock.getZone()).toOffsetDateTime(),
                        rs.getInt("created"), rs.getInt("updated"), rs.getInt("unchanged"), rs.getInt("tracked"),
                        rs.getInt("waiting_for_assignment"), rs.getInt("via_other_names"), rs.getInt("notes_kept")));
    }
}
