package vn.gov.mofa.upr.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The process contracts name what the diagrams hold: every process key, step id and message name in
 * {@link RecommendationProcess}, {@link ReportingRoundProcess} and {@link UnitDelegationProcess} is in its BPMN, every variable is in a diagram or a
 * form (or named as the application's own), and every form a step refers to is a file of {@code forms/} with that id. A renamed step in the Modeler then fails here, not in a running recommendation.
 */
class ProcessContractTest {

    @Test
    void everyKeyStepAndMessageOfTheContractsIsInTheirDiagram() throws Exception {
        List<String> missing = new ArrayList<>();
        check(RecommendationProcess.class, "processes/upr-recommendation.bpmn", missing);
        check(ReportingRoundProcess.class, "processes/upr-reporting-round.bpmn", missing);
        check(UnitDelegationProcess.class, "processes/upr-unit-delegation.bpmn", missing);
        BpmnModelInstance recommendation = Bpmn.readModelFromFile(Path.of("processes/upr-recommendation.bpmn").toFile());
        BpmnModelInstance delegation = Bpmn.readModelFromFile(Path.of("processes/upr-unit-delegation.bpmn").toFile());
        for (Map.Entry<String, String> timed : RecommendationProcess.TIMED_STEP.entrySet()) {
            for (String id : List.of(timed.getKey(), timed.getValue())) {
                if (recommendation.getModelElementById(id) == null && delegation.getModelElementById(id) == null) {
                    missing.add("RecommendationProcess.TIMED_STEP names '" + id + "', not in the diagram");
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /**
     * Variables that only the application's code writes and reads (audit trail, counters, JSON it parses): they are
     * in no diagram or form, on purpose.
     */
    static final Set<String> THE_APPLICATIONS_OWN = Set.of(RecommendationProcess.VAR_CONTRIBUTIONS,
            RecommendationProcess.VAR_REVIEWED_BY, RecommendationProcess.VAR_REVIEWED, RecommendationProcess.VAR_DECISION,
            RecommendationProcess.VAR_DECIDED_BY, RecommendationProcess.VAR_OVERDUE_STEP, RecommendationProcess.VAR_NUMBER_ORDER,
            ReportingRoundProcess.VAR_SUBMITTED_COUNT, ReportingRoundProcess.VAR_RETURNED_COUNT,
            UnitDelegationProcess.VAR_RECOMMENDATION_INSTANCE);

    @Test
    void everyVariableOfTheContractsIsReadOrWrittenByADiagramOrAForm() throws Exception {
        StringBuilder diagramsAndForms = new StringBuilder();
        try (Stream<Path> files = Stream.concat(Files.list(Path.of("processes")), Files.list(Path.of("forms")))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn") || f.toString().endsWith(".form")).toList()) {
                diagramsAndForms.append(Files.readString(file));
            }
        }
        List<String> missing = new ArrayList<>();
        for (Class<?> contract : List.of(RecommendationProcess.class, ReportingRoundProcess.class, UnitDelegationProcess.class)) {
            for (Field field : contract.getDeclaredFields()) {
                if (!field.getName().startsWith("VAR_") || field.getType() != String.class) {
                    continue;
                }
                String name = (String) field.get(null);
                boolean used = Pattern.compile("(?<!\\w)" + Pattern.quote(name) + "(?!\\w)")
                        .matcher(diagramsAndForms).find();
                if (used == THE_APPLICATIONS_OWN.contains(name)) {
                    missing.add(contract.getSimpleName() + "." + field.getName() + " = '" + name + "'"
                            + (used ? " is used by a diagram or form: not the application's own" : ": in no diagram or form"));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyStepsFormIsAFileOfTheFormsFolderWithThatId() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> problems = new ArrayList<>();
        for (String diagram : List.of("processes/upr-recommendation.bpmn", "processes/upr-reporting-round.bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(Path.of(diagram).toFile());
            List<String> formRefs = new ArrayList<>();
            model.getModelElementsByType(UserTask.class).forEach(task -> formRefs.add(task.getCamundaFormRef()));
            model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.StartEvent.class)
                    .forEach(start -> formRefs.add(start.getCamundaFormRef()));
            for (String ref : formRefs.stream().filter(r -> r != null).toList()) {
                Path form = Path.of("forms", ref + ".form");
                if (!Files.exists(form)) {
                    problems.add(diagram + " refers to form '" + ref + "', no file " + form);
                } else if (!ref.equals(json.readTree(form.toFile()).path("id").asText())) {
                    problems.add(form + " has another id than its name");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void check(Class<?> contract, String diagram, List<String> missing) throws IllegalAccessException {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of(diagram).toFile());
        Set<String> messages = model.getModelElementsByType(Message.class).stream().map(Message::getName).collect(Collectors.toSet());
        Set<String> processes = model.getModelElementsByType(Process.class).stream().map(BaseElement::getId).collect(Collectors.toSet());
        for (Field field : Stream.of(contract.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && !f.getName().startsWith("VAR_"))
                .toList()) {
            String value = (String) field.get(null);
            boolean found = field.getName().equals("KEY") ? processes.contains(value)
                    : field.getName().startsWith("MESSAGE_") ? messages.contains(value)
                    : model.getModelElementById(value) != null;
            if (!found) {
                missing.add(contract.getSimpleName() + "." + field.getName() + " = '" + value + "', not in " + diagram);
            }
        }
    }
}
