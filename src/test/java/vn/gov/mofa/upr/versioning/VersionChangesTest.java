package vn.gov.mofa.upr.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The version changes of {@code processes/migrations/} are checked before any release: each leads from a version
 * kept in {@code src/test/resources/processes/versions/} to the version the process file has now, and leaves no wait
 * state of the older version without a place in the new one. A process whose version was raised without a plan, or a
 * renamed step that the plan forgot, fails here rather than in the administrator's dry run.
 */
class VersionChangesTest {

    static final Path KEPT = Path.of("src/test/resources/processes/versions");

    final VersionChanges changes = new VersionChanges("file:processes/migrations/*.json");

    @Test
    void everyKeptVersionHasAWayToTheCurrentOneThatLeavesNoWaitStateBehind() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> kept;
        try (Stream<Path> files = Files.walk(KEPT)) {
            kept = files.filter(f -> f.toString().endsWith(".bpmn")).toList();
        }
        assertThat(kept).as("the versions kept for the migration test").isNotEmpty();
        for (Path older : kept) {
            String from = older.getParent().getFileName().toString();
            BpmnModelInstance source = Bpmn.readModelFromFile(older.toFile());
            String process = processOf(source).getId();
            BpmnModelInstance target = Bpmn.readModelFromFile(Path.of("processes", process + ".bpmn").toFile());
            String to = VersionChange.versionOf(processOf(target).getCamundaVersionTag());
            if (!from.equals(VersionChange.versionOf(processOf(source).getCamundaVersionTag()))) {
                problems.add(older + " is kept as version " + from + " but is tagged otherwise");
            }
            var change = changes.between(process, from, to);
            if (change.isEmpty()) {
                problems.add("no plan from version " + from + " to " + to + " of " + process);
                continue;
            }
            change.get().alsoStart().forEach((waitingAt, started) -> {
                if (!(source.getModelElementById(waitingAt) instanceof FlowNode)
                        || !(target.getModelElementById(started) instanceof FlowNode)) {
                    problems.add(process + " " + from + " -> " + to + ": alsoStart " + waitingAt + " -> " + started
                            + " names a step that does not exist");
                }
            });
            for (FlowNode waiting : waitStates(source)) {
                String id = change.get().activities().getOrDefault(waiting.getId(), waiting.getId());
                if (!(target.getModelElementById(id) instanceof FlowNode)) {
                    problems.add(process + " " + from + " -> " + to + ": wait state " + waiting.getId() + " has no place");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyPlanNamesAProcessAndVersionsThatExist() {
        assertThat(changes.all()).isNotEmpty().allSatisfy(change -> {
            BpmnModelInstance current = Bpmn.readModelFromFile(Path.of("processes", change.process() + ".bpmn").toFile());
            assertThat(changes.between(change.process(), change.to(), processOf(current).getCamundaVersionTag()))
                    .as(change.process() + " " + change.to() + ": the current version or a version with a plan onwards")
                    .isPresent();
            assertThat(KEPT.resolve(change.from()).resolve(change.process() + ".bpmn")).as("version " + change.from()
                    + " of " + change.process() + ", kept for the migration test").exists();
            assertThat(change.change()).as("what the administrator's report says it changes").isNotBlank();
        });
    }

    @Test
    void aPlanWithAMistypedFieldIsRefusedWithItsFileName(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("upr-recommendation-2-to-3.json"),
                "{\"process\": \"upr-recommendation\", \"from\": \"2\", \"to\": \"3\", \"change\": \"x\", \"activites\": {}}");

        assertThatThrownBy(() -> new VersionChanges("file:" + folder + "/*.json"))
                .hasMessageContaining("upr-recommendation-2-to-3.json").hasMessageContaining("activites");
    }

    private static Process processOf(BpmnModelInstance model) {
        return model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable).findFirst().orElseThrow();
    }

    /** Where an instance can wait: user and receive tasks, catch events, boundary and event sub-process start events. */
    private static List<FlowNode> waitStates(BpmnModelInstance model) {
        List<FlowNode> waiting = new ArrayList<>();
        waiting.addAll(model.getModelElementsByType(UserTask.class));
        waiting.addAll(model.getModelElementsByType(ReceiveTask.class));
        waiting.addAll(model.getModelElementsByType(IntermediateCatchEvent.class));
        waiting.addAll(model.getModelElementsByType(BoundaryEvent.class));
        model.getModelElementsByType(StartEvent.class).stream()
                .filter(start -> start.getParentElement() instanceof SubProcess sub && sub.triggeredByEvent())
                .forEach(waiting::add);
        return waiting;
    }
}
