package vn.gov.mofa.upr.monitoring;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * The figures {@code /actuator/prometheus} reads from the database: open and overdue tasks, the outbox, the job
 * executor's backlog and failures, incidents. They are counted at most once per {@code upr.monitoring.refresh}
 * (a handful of indexed counts), whoever scrapes and however often, so that monitoring never loads the database.
 * They are the cluster's figures, not the node's: every node reports the same values (take {@code max} over nodes).
 * <p>
 * A collector of Prometheus's own rather than Micrometer gauges: the open tasks are labelled by step and candidate
 * group, a set that changes with the work, and a collector gives each scrape exactly the rows of its counts.
 */
@Component
class DatabaseFigures implements MultiCollector {

    /** One count of everything, and when it was made. */
    private record Counts(Instant at, Map<List<String>, Long> openTasks, long overdueTasks, Map<String, Long> outbox,
            Instant oldestPendingMail, long executableJobs, long failedJobs, long openIncidents) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TaskService tasks;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final Clock clock;
    private final Duration refresh;
    private Counts counts;

    DatabaseFigures(NamedParameterJdbcTemplate jdbc, TaskService tasks, ManagementService management,
            RuntimeService runtime, Clock clock, @Value("${upr.monitoring.refresh}") Duration refresh,
            ObjectProvider<PrometheusRegistry> registry) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.management = management;
        this.runtime = runtime;
        this.clock = clock;
        this.refresh = refresh;
        // none when the Prometheus export is off (management.prometheus.metrics.export.enabled)
        registry.ifAvailable(r -> r.register(this));
    }

    @Override
    public MetricSnapshots collect() {
        Counts now = counts();
        List<io.prometheus.metrics.model.snapshots.MetricSnapshot> figures = new ArrayList<>();
        GaugeSnapshot.Builder open = GaugeSnapshot.builder().name("upr_tasks_open")
                .help("Open user tasks by step (task definition key) and candidate group (agency, mofa, mofa-leaders)");
        now.openTasks().forEach((stepAndGroup, n) -> open.dataPoint(GaugeDataPointSnapshot.builder()
                .labels(Labels.of("step", stepAndGroup.get(0), "agency", stepAndGroup.get(1))).value(n).build()));
        figures.add(open.build());
        figures.add(gauge("upr_tasks_overdue", "Open user tasks past their due date", now.overdueTasks()));
        figures.add(gauge("upr_outbox_mails_pending", "Mails waiting in the outbox to be sent", now.outbox().getOrDefault("PENDING", 0L)));
        figures.add(gauge("upr_outbox_mails_failed", "Mails the outbox gave up on (MOFA can resend them from /notifications)",
                now.outbox().getOrDefault("FAILED", 0L)));
        figures.add(CounterSnapshot.builder().name("upr_outbox_mails_sent").help("Mails sent from the outbox")
                .dataPoint(CounterDataPointSnapshot.builder().value(now.outbox().getOrDefault("SENT", 0L)).build()).build());
        double oldestAge = now.oldestPendingMail() == null ? 0
                : Math.max(0, Duration.between(now.oldestPendingMail(), now.at()).toSeconds());
        figures.add(GaugeSnapshot.builder().name("upr_outbox_oldest_pending_mail_age_seconds").unit(Unit.SECONDS)
                .help("Age of the oldest mail waiting in the outbox, 0 when none waits")
                .dataPoint(GaugeDataPointSnapshot.builder().value(oldestAge).build()).build());
        figures.add(gauge("upr_jobs_executable", "Jobs due for the job executor (its backlog)", now.executableJobs()));
        figures.add(gauge("upr_jobs_failed", "Jobs with no retries left (each one an incident in Cockpit)", now.failedJobs()));
        figures.add(gauge("upr_incidents_open", "Open incidents (Cockpit)", now.openIncidents()));
        return new MetricSnapshots(figures);
    }

    private static GaugeSnapshot gauge(String name, String help, double value) {
        return GaugeSnapshot.builder().name(name).help(help)
                .dataPoint(GaugeDataPointSnapshot.builder().value(value).build()).build();
    }

    private synchronized Counts counts() {
        Instant now = clock.instant();
        if (counts == null || !counts.at().plus(refresh).isAfter(now)) {
            counts = count(now);
        }
        return counts;
    }

    private Counts count(Instant now) {
        Map<List<String>, Long> openTasks = new HashMap<>();
        jdbc.query("""
                select t.TASK_DEF_KEY_ step, coalesce(i.GROUP_ID_, 'none') grp, count(*) n
                from ACT_RU_TASK t left join ACT_RU_IDENTITYLINK i
                    on i.TASK_ID_ = t.ID_ and i.TYPE_ = 'candidate' and i.GROUP_ID_ is not null
                group by t.TASK_DEF_KEY_, coalesce(i.GROUP_ID_, 'none')
                """, rs -> {
            openTasks.put(List.of(rs.getString("step"), rs.getString("grp")), rs.getLong("n"));
        });
        Map<String, Long> outbox = new HashMap<>();
        jdbc.query("select status, count(*) n from outbox_mail where status in ('PENDING', 'FAILED', 'SENT') group by status",
                rs -> {
                    outbox.put(rs.getString("status"), rs.getLong("n"));
                });
        Timestamp oldest = jdbc.getJdbcTemplate().queryForObject(
                "select min(created_at) from outbox_mail where status = 'PENDING'", Timestamp.class);
        return new Counts(now, openTasks, tasks.createTaskQuery().dueBefore(Date.from(now)).count(), outbox,
                oldest == null ? null : oldest.toInstant(), management.createJobQuery().executable().count(),
                management.createJobQuery().noRetriesLeft().count(), runtime.createIncidentQuery().count());
    }
}
