package vn.gov.mofa.upr.recommendation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The application's own record of every recommendation (table {@code recommendation}). */
@Repository
public class RecommendationRegistry {

    /** Lists are stored "a|b|c": UN theme names contain "; " and ", ", never "|". */
    static final String LIST_SEPARATOR = "|";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public RecommendationRegistry(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Recommendation> find(int cycle, String number) {
        return jdbc.query("select * from recommendation where cycle = :cycle and number = :number",
                new MapSqlParameterSource("cycle", cycle).addValue("number", number), ROW).stream().findFirst();
    }

    public Optional<Recommendation> findByProcessInstance(String processInstanceId) {
        return jdbc.query("select * from recommendation where process_instance_id = :id",
                new MapSqlParameterSource("id", processInstanceId), ROW).stream().findFirst();
    }

    public void insert(Recommendation r) {
        jdbc.update("""
                insert into recommendation (cycle, number, text, text_vi, recommending_states, response, source_of_position,
                    themes, sdgs, affected_persons, task_group, lead_agency, coordinating_agencies, assignment_confirmed,
                    plan_due_date, due_date, tracked, process_instance_id, annex_note, created_at, updated_at, number_order,
                    search_text)
                values (:cycle, :number, :text, :textVi, :states, :response, :source, :themes, :sdgs, :affected, :taskGroup,
                    :lead, :coordinating, :confirmed, :planDue, :due, :tracked, :processInstanceId, :annexNote, :now, :now,
                    :numberOrder, :searchText)
                """, params(r));
    }

    public void update(Recommendation r) {
        jdbc.update("""
                update recommendation set text = :text, text_vi = :textVi, recommending_states = :states, response = :response,
                    source_of_position = :source, themes = :themes, sdgs = :sdgs, affected_persons = :affected,
                    task_group = :taskGroup, lead_agency = :lead, coordinating_agencies = :coordinating,
                    assignment_confirmed = :confirmed, plan_due_date = :planDue, due_date = :due, tracked = :tracked,
                    process_instance_id = :processInstanceId, annex_note = :annexNote, updated_at = :now, search_text = :searchText
                where cycle = :cycle and number = :number
                """, params(r));
    }

    public void recordProcessInstance(int cycle, String number, String processInstanceId) {
        jdbc.update("update recommendation set process_instance_id = :id where cycle = :cycle and number = :number",
                new MapSqlParameterSource("id", processInstanceId).addValue("cycle", cycle).addValue("number", number));
    }

    public void recordAssignment(String processInstanceId, String leadAgency, List<String> coordinating, String taskGroup,
            LocalDate planDueDate) {
        jdbc.update("""
                update recommendation set lead_agency = :lead, coordinating_agencies = :coordinating, task_group = :taskGroup,
                    plan_due_date = :planDue, assignment_confirmed = true, updated_at = :now
                where process_instance_id = :id
                """, new MapSqlParameterSource("lead", leadAgency).addValue("coordinating", join(coordinating))
                .addValue("taskGroup", taskGroup).addValue("planDue", planDueDate).addValue("id", processInstanceId)
                .addValue("now", now()));
    }

    public void recordImplementationStatus(String processInstanceId, String status) {
        jdbc.update("update recommendation set implementation_status = :status, updated_at = :now where process_instance_id = :id",
                new MapSqlParameterSource("status", status).addValue("id", processInstanceId).addValue("now", now()));
    }

    public void recordFinalStatus(String processInstanceId, String finalStatus) {
        jdbc.update("update recommendation set final_status = :status, updated_at = :now where process_instance_id = :id",
                new MapSqlParameterSource("status", finalStatus).addValue("id", processInstanceId).addValue("now", now()));
    }

    /** Tracked recommendations with a process, optionally of one task group or one lead agency. */
    public List<Recommendation> tracked(String taskGroup, String leadAgency) {
        String sql = "select * from recommendation where process_instance_id is not null"
                + (taskGroup == null ? "" : " and task_group = :taskGroup")
                + (leadAgency == null ? "" : " and lead_agency = :lead");
        return jdbc.query(sql, new MapSqlParameterSource("taskGroup", taskGroup).addValue("lead", leadAgency), ROW);
    }

    /**
     * The recommendations followed by these process instances (a reporting round asks with those it requested),
     * visible to {@code visibleAgencies} (null = all).
     */
    public List<Recommendation> followedBy(Collection<String> processInstanceIds, List<String> visibleAgencies) {
        if (processInstanceIds.isEmpty()) {
            return List.of();
        }
        var where = new StringBuilder(" where process_instance_id in (:instances)");
        var params = new MapSqlParameterSource("instances", processInstanceIds);
        RecommendationFilter.visibleTo(visibleAgencies).appendTo(where, params, clock);
        return jdbc.query("select * from recommendation r" + where, params, ROW);
    }

    /** What the dashboard counts by; the column names are fixed here, never taken from a request. */
    public enum Breakdown {
        STATUS("coalesce(implementation_status, '')"), TASK_GROUP("coalesce(task_group, '')"),
        LEAD_AGENCY("coalesce(lead_agency, '')");

        private final String column;

        Breakdown(String column) {
            this.column = column;
        }
    }

    /**
     * What the filter finds, counted by one or more breakdowns: the key holds one value per breakdown, in order, ""
     * for none. The dashboard's cells, each of which its list (the same filter and the cell's values) shows.
     */
    public java.util.Map<List<String>, Long> count(RecommendationFilter filter, Breakdown... by) {
        var where = new StringBuilder(" where 1 = 1");
        var params = new MapSqlParameterSource();
        filter.appendTo(where, params, clock);
        String columns = Arrays.stream(by).map(b -> b.column).collect(java.util.stream.Collectors.joining(", "));
        var counts = new java.util.LinkedHashMap<List<String>, Long>();
        jdbc.query("select " + columns + ", count(*) n from recommendation r" + where + " group by " + columns, params, rs -> {
            List<String> key = new ArrayList<>();
            for (int i = 1; i <= by.length; i++) {
                key.add(rs.getString(i));
            }
            counts.put(List.copyOf(key), rs.getLong("n"));
        });
        return counts;
    }

    /** The cycles the registry holds, for the list's choice of cycle. */
    public List<Integer> cycles() {
        return jdbc.getJdbcTemplate().queryForList("select distinct cycle from recommendation order by cycle", Integer.class);
    }

    /** One page of what the filter finds; a typed number comes first, then the rest in the chosen order. */
    public RecommendationPage search(RecommendationFilter filter, RecommendationSort sort, int page, int size) {
        long total = count(filter);
        var where = new StringBuilder(" where 1 = 1");
        var params = new MapSqlParameterSource();
        filter.appendTo(where, params, clock);
        params.addValue("limit", size).addValue("offset", (long) page * size);
        List<Recommendation> content = jdbc.query("select * from recommendation r" + where + orderBy(filter, sort, params)
                + " limit :limit offset :offset", params, ROW);
        return new RecommendationPage(content, total, page, size);
    }

    public RecommendationPage search(RecommendationFilter filter, int page, int size) {
        return search(filter, RecommendationSort.NUMBER, page, size);
    }

    public long count(RecommendationFilter filter) {
        var where = new StringBuilder(" where 1 = 1");
        var params = new MapSqlParameterSource();
        filter.appendTo(where, params, clock);
        return jdbc.queryForObject("select count(*) from recommendation r" + where, params, Long.class);
    }

    /** Everything the filter finds, in the list's order: what an export holds. */
    public List<Recommendation> all(RecommendationFilter filter, RecommendationSort sort) {
        var where = new StringBuilder(" where 1 = 1");
        var params = new MapSqlParameterSource();
        filter.appendTo(where, params, clock);
        return jdbc.query("select * from recommendation r" + where + orderBy(filter, sort, params), params, ROW);
    }

    private static String orderBy(RecommendationFilter filter, RecommendationSort sort, MapSqlParameterSource params) {
        RecommendationNumber.Typed number = filter.typedNumber();
        if (number == null) {
            return " order by " + sort.orderBy;
        }
        params.addValue("exactNumber", number.number());
        return " order by case when number = :exactNumber then 0 else 1 end, " + sort.orderBy;
    }

    private MapSqlParameterSource params(Recommendation r) {
        return new MapSqlParameterSource()
                .addValue("cycle", r.cycle()).addValue("number", r.number()).addValue("text", r.text())
                .addValue("textVi", r.textVi()).addValue("states", join(r.recommendingStates()))
                .addValue("response", r.response()).addValue("source", r.sourceOfPosition())
                .addValue("themes", join(r.themes())).addValue("sdgs", join(r.sdgs()))
                .addValue("affected", join(r.affectedPersons())).addValue("taskGroup", r.taskGroup())
                .addValue("lead", r.leadAgency()).addValue("coordinating", join(r.coordinatingAgencies()))
                .addValue("confirmed", r.assignmentConfirmed()).addValue("planDue", r.planDueDate())
                .addValue("due", r.dueDate()).addValue("tracked", r.tracked())
                .addValue("processInstanceId", r.processInstanceId()).addValue("annexNote", r.annexNote())
                .addValue("now", now())
                .addValue("numberOrder", RecommendationNumber.orderKey(r.number()))
                .addValue("searchText", SearchText.of(r.text(), r.textVi()));
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    static String join(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(LIST_SEPARATOR, values);
    }

    static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of()
                : new ArrayList<>(Arrays.stream(joined.split(java.util.regex.Pattern.quote(LIST_SEPARATOR))).map(String::trim).toList());
    }

    private static final RowMapper<Recommendation> ROW = (ResultSet rs, int i) -> new Recommendation(
            rs.getInt("cycle"), rs.getString("number"), rs.getString("text"), rs.getString("text_vi"),
            split(rs.getString("recommending_states")), rs.getString("response"), rs.getString("source_of_position"),
            split(rs.getString("themes")), split(rs.getString("sdgs")), split(rs.getString("affected_persons")),
            rs.getString("task_group"), rs.getString("lead_agency"), split(rs.getString("coordinating_agencies")),
            rs.getBoolean("assignment_confirmed"), localDate(rs, "plan_due_date"), localDate(rs, "due_date"),
            rs.getBoolean("tracked"), rs.getString("process_instance_id"), rs.getString("implementation_status"),
            rs.getString("final_status"), rs.getString("annex_note"));

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        java.sql.Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
