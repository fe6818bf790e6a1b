package vn.gov.mofa.upr.versioning;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.gov.mofa.upr.workflow.RecommendationProcess;
import vn.gov.mofa.upr.workflow.ReportingRoundProcess;

/**
 * Moves the running recommendations and rounds to the version of their process that this release deployed, through
 * Camunda's migration batches, along the {@link VersionChanges} written for it. A dry run tries every instance in a
 * transaction that is rolled back, so it tells exactly which would move and why the others cannot; the migration then
 * moves those that can, as one batch per older version, which Cockpit shows under Batches. Listeners and input
 * mappings are skipped: an instance that moves sends no mail and changes no variable.
 */
@Service
public class ProcessVersions {

    static final List<String> PROCESSES = List.of(RecommendationProcess.KEY, ReportingRoundProcess.KEY);
    private static final int PAGE = 500;
    private static final Logger events = LoggerFactory.getLogger(ProcessVersions.class);

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final IdentityService identity;
    private final MigrationLog migrations;
    private final VersionChanges changes;
    private final TransactionTemplate transaction;

    ProcessVersions(RepositoryService repository, RuntimeService runtime, ManagementService management,
            IdentityService identity, MigrationLog migrations, VersionChanges changes, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.runtime = runtime;
        this.management = management;
        this.identity = identity;
        this.migrations = migrations;
        this.changes = changes;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * An older version of a process that still has running instances, and the way to the current one.
     *
     * @param problem why its instances cannot move at all (no plan written, or a plan the engine refuses); null if
     *                they can
     */
    public record VersionGap(String process, int fromVersion, String fromTag, int toVersion, String toTag,
            long instances, String change, String problem) {
    }

    /** An instance that cannot move, and why (the engine's own words after the Vietnamese sentence). */
    public record Stuck(String process, int version, String businessKey, String instanceId, String reason) {
    }

    public record DryRun(List<VersionGap> gaps, long movable, List<Stuck> stuck) {
    }

    public record StartedBatch(String process, int fromVersion, int toVersion, String batchId, int instances) {
    }

    /** An instance moved at once, not in a batch, because the new version starts work for it (a task). */
    public record MovedAtOnce(String process, String businessKey, List<String> started) {
    }

    public record Migration(List<StartedBatch> batches, List<MovedAtOnce> movedAtOnce, List<Stuck> stuck) {
    }

    /**
     * A migration batch as started, and how it stands: while it runs, its jobs done and failed (a failed job is an
     * incident in Cockpit, its message in {@code errors}); {@code leftOnOlderVersion} counts the instances still
     * running on the version it moved from (those that could not move, or not yet).
     */
    public record BatchProgress(String batchId, String process, int fromVersion, String fromTag, int toVersion,
            String toTag, int instances, String startedBy, OffsetDateTime startedAt, boolean finished, int jobsDone,
            int jobsFailed, long leftOnOlderVersion, List<String> errors) {
    }

    public record Report(List<VersionGap> gaps, List<BatchProgress> batches) {
    }

    /** Where the running instances stand, and what the migrations did. */
    public Report report() {
        return new Report(gaps(), batches());
    }

    public List<VersionGap> gaps() {
        return plans().stream().map(Plan::gap).toList();
    }

    public DryRun dryRun() {
        List<Sorted> sorted = plans().stream().map(this::sort).toList();
        return new DryRun(sorted.stream().map(one -> one.plan().gap()).toList(),
                sorted.stream().mapToLong(one -> one.movable().size()).sum(),
                sorted.stream().flatMap(one -> one.stuck().stream()).toList());
    }

    /**
     * Moves every instance that can move, one batch per older version, if they are as many as the administrator's dry
     * run said ({@code expected}): what is moved is what was read in the dry run, not what changed since.
     *
     * @throws DryRunOutdated when they are not
     */
    public Migration migrate(long expected, String administrator, List<String> groups) {
        List<Sorted> sorted = plans().stream().map(this::sort).toList();
        long movable = sorted.stream().mapToLong(one -> one.movable().size()).sum();
        if (movable != expected) {
            throw new DryRunOutdated(expected, movable);
        }
        List<StartedBatch> started = new ArrayList<>();
        List<MovedAtOnce> atOnce = new ArrayList<>();
        identity.setAuthentication(administrator, groups);
        try {
            for (Sorted one : sorted) {
                VersionGap gap = one.plan().gap();
                for (ProcessInstance instance : one.atOnce()) {
                    List<String> startedThere = startsAlso(one.plan(), instance.getId());
                    transaction.executeWithoutResult(status -> move(one.plan(), instance.getId()));
                    atOnce.add(new MovedAtOnce(gap.process(), instance.getBusinessKey(), startedThere));
                    events.info("{} moved {} of {} to version {} ({}) and started {}", administrator,
                            instance.getBusinessKey(), gap.process(), gap.toVersion(), gap.toTag(), startedThere);
                }
                List<String> inBatch = one.movable().stream()
                        .filter(id -> one.atOnce().stream().noneMatch(i -> i.getId().equals(id))).toList();
                if (inBatch.isEmpty()) {
                    continue;
                }
                Batch batch = runtime.newMigration(one.plan().engine().orElseThrow()).processInstanceIds(inBatch)
                        .skipCustomListeners().skipIoMappings().executeAsync();
                started.add(new StartedBatch(gap.process(), gap.fromVersion(), gap.toVersion(), batch.getId(),
                        inBatch.size()));
                migrations.started(batch.getId(), gap, one.plan().source().getId(), inBatch.size(), administrator);
                events.info("{} moves {} instances of {} from version {} ({}) to {} ({}) in batch {}", administrator,
                        inBatch.size(), gap.process(), gap.fromVersion(), gap.fromTag(), gap.toVersion(), gap.toTag(),
                        batch.getId());
            }
        } finally {
            identity.clearAuthentication();
        }
        return new Migration(started, atOnce, sorted.stream().flatMap(one -> one.stuck().stream()).toList());
    }

    /** The dry run is no longer true: instances started, ended or changed since. */
    public static class DryRunOutdated extends RuntimeException {
        DryRunOutdated(long expected, long movable) {
            super("Lần chạy thử báo " + expected + " phiên bản quy trình đang chạy có thể chuyển, nay là " + movable
                    + ": hãy chạy thử lại, xem kết quả rồi chuyển với số mới. Chưa chuyển gì.");
        }
    }

    /**
     * The instances of one older version, sorted into those that would move and those that would not; of those that
     * move, {@code atOnce} are moved one by one, with the work the new version starts where they waited.
     */
    private record Sorted(Plan plan, List<String> movable, List<Stuck> stuck, List<ProcessInstance> atOnce) {
    }

    private Sorted sort(Plan plan) {
        List<String> movable = new ArrayList<>();
        List<Stuck> stuck = new ArrayList<>();
        List<ProcessInstance> atOnce = new ArrayList<>();
        for (ProcessInstance instance : instances(plan.source())) {
            Optional<String> reason = plan.engine().isPresent() ? tryToMove(plan, instance.getId())
                    : Optional.of(plan.gap().problem());
            reason.ifPresentOrElse(r -> stuck.add(new Stuck(plan.gap().process(), plan.gap().fromVersion(),
                    instance.getBusinessKey(), instance.getId(), r)), () -> movable.add(instance.getId()));
            if (reason.isEmpty() && !startsAlso(plan, instance.getId()).isEmpty()) {
                atOnce.add(instance);
            }
        }
        return new Sorted(plan, movable, stuck, atOnce);
    }

    /**
     * Moves one instance to the new version in the caller's transaction: the migration (no listener, no input
     * mapping), then what the new version starts at once where the instance waited (listeners run: the agency is told).
     */
    private void move(Plan plan, String instanceId) {
        List<String> startedThere = startsAlso(plan, instanceId);
        runtime.newMigration(plan.engine().orElseThrow()).processInstanceIds(instanceId).skipCustomListeners()
                .skipIoMappings().execute();
        for (String activity : startedThere) {
            runtime.createProcessInstanceModification(instanceId).startBeforeActivity(activity).execute();
        }
    }

    /** What the new version starts for this instance, by where it waits now. */
    private List<String> startsAlso(Plan plan, String instanceId) {
        return plan.alsoStart().entrySet().stream()
                .filter(waiting -> runtime.createProcessInstanceQuery().processInstanceId(instanceId)
                        .activityIdIn(waiting.getKey()).count() > 0)
                .map(Map.Entry::getValue).toList();
    }

    /** An older definition with running instances, its gap to the current one, and the engine's plan if it has one. */
    private record Plan(ProcessDefinition source, VersionGap gap, Optional<MigrationPlan> engine,
            Map<String, String> alsoStart) {
    }

    private List<Plan> plans() {
        List<Plan> plans = new ArrayList<>();
        for (String process : PROCESSES) {
            ProcessDefinition current = repository.createProcessDefinitionQuery().processDefinitionKey(process)
                    .latestVersion().singleResult();
            if (current == null) {
                continue;
            }
            for (ProcessDefinition older : repository.createProcessDefinitionQuery().processDefinitionKey(process)
                    .orderByProcessDefinitionVersion().asc().list()) {
                long instances = runtime.createProcessInstanceQuery().processDefinitionId(older.getId()).count();
                if (older.getId().equals(current.getId()) || instances == 0) {
                    continue;
                }
                plans.add(plan(older, current, instances));
            }
        }
        return plans;
    }

    private Plan plan(ProcessDefinition source, ProcessDefinition target, long instances) {
        String from = VersionChange.versionOf(source.getVersionTag());
        String to = VersionChange.versionOf(target.getVersionTag());
        Optional<VersionChange> change = changes.between(source.getKey(), from, to);
        if (change.isEmpty()) {
            return new Plan(source, gap(source, target, instances, null, "Chưa có kế hoạch chuyển phiên bản " + from
                    + " sang " + to + " (tệp processes/migrations/" + source.getKey() + "-" + from + "-to-" + to
                    + ".json)"), Optional.empty(), Map.of());
        }
        MigrationPlanBuilder builder = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities();
        for (var activity : change.get().activities().entrySet()) {
            builder = builder.mapActivities(activity.getKey(), activity.getValue());
        }
        try {
            return new Plan(source, gap(source, target, instances, change.get().change(), null),
                    Optional.of(builder.build()), change.get().alsoStart());
        } catch (MigrationPlanValidationException e) {
            return new Plan(source, gap(source, target, instances, change.get().change(),
                    "Kế hoạch chuyển phiên bản không hợp lệ với quy trình đã triển khai: " + e.getMessage()),
                    Optional.empty(), Map.of());
        }
    }

    private static VersionGap gap(ProcessDefinition source, ProcessDefinition target, long instances, String change,
            String problem) {
        return new VersionGap(source.getKey(), source.getVersion(), VersionChange.versionOf(source.getVersionTag()),
                target.getVersion(), VersionChange.versionOf(target.getVersionTag()), instances, change, problem);
    }

    private List<ProcessInstance> instances(ProcessDefinition definition) {
        List<ProcessInstance> all = new ArrayList<>();
        List<ProcessInstance> page;
        do {
            page = runtime.createProcessInstanceQuery().processDefinitionId(definition.getId())
                    .orderByProcessInstanceId().asc().listPage(all.size(), PAGE);
            all.addAll(page);
        } while (page.size() == PAGE);
        return all;
    }

    /** Moves one instance in a transaction that is rolled back: empty if it would move, else why not. */
    private Optional<String> tryToMove(Plan plan, String instanceId) {
        try {
            transaction.executeWithoutResult(status -> {
                status.setRollbackOnly();
                move(plan, instanceId);
            });
            return Optional.empty();
        } catch (MigratingProcessInstanceValidationException e) {
            return Optional.of("Không chuyển được vị trí đang chờ sang phiên bản mới: " + e.getMessage());
        } catch (ProcessEngineException e) {
            return Optional.of("Không chuyển được: " + e.getMessage());
        }
    }

    private List<BatchProgress> batches() {
        List<BatchProgress> progress = new ArrayList<>();
        for (MigrationLog.Entry started : migrations.all()) {
            BatchStatistics running = management.createBatchStatisticsQuery().batchId(started.batchId()).singleResult();
            List<String> errors = running == null ? List.of() : management.createJobQuery()
                    .jobDefinitionId(running.getBatchJobDefinitionId()).withException().list().stream()
                    .map(Job::getExceptionMessage).toList();
            progress.add(new BatchProgress(started.batchId(), started.process(), started.fromVersion(),
                    started.fromTag(), started.toVersion(), started.toTag(), started.instances(), started.startedBy(),
                    started.startedAt(), running == null, running == null ? started.instances() : running.getCompletedJobs(),
                    running == null ? 0 : running.getFailedJobs(),
                    runtime.createProcessInstanceQuery().processDefinitionId(started.sourceDefinitionId()).count(), errors));
        }
        return progress;
    }
}
