package vn.gov.mofa.upr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import vn.gov.mofa.upr.importing.ImportReport;
import vn.gov.mofa.upr.importing.RecommendationImport;
import vn.gov.mofa.upr.workflow.RecommendationProcess;

/**
 * Test fixture: recommendations enter the system the way MOFA enters them, as an annex CSV uploaded through
 * {@link RecommendationImport}. Each test uses its own cycle and numbers so tests never see each other's instances.
 */
public final class Recommendations {

    public static final String HEADER =
            "number,text,recommending_states,response,cycle,task_group,lead_agency,coordinating_agencies,plan_due_date";

    private final RecommendationImport imports;
    private final RuntimeService runtime;
    private final ManagementService management;

    public Recommendations(RecommendationImport imports, RuntimeService runtime, ManagementService management) {
        this.imports = imports;
        this.runtime = runtime;
        this.management = management;
    }

    /**
     * What the job executor does right after an import (it is off in the test context): every started
     * recommendation goes on from its start event to its first task.
     */
    public static void continueStarts(ManagementService management) {
        for (Job job : management.createJobQuery().activityId(RecommendationProcess.TRACKED).executable().list()) {
            management.executeJob(job.getId());
        }
    }

    /**
     * Imports one supported recommendation and returns its process instance.
     *
     * @param lead         agency code or name, or null when MOFA still has to assign it
     * @param coordinating comma-separated codes, or null
     * @param planDueDate  dd/MM/yyyy, or null for the default
     */
    public ProcessInstance track(int cycle, String number, String text, String lead, String coordinating,
            String taskGroup, String planDueDate) {
        ImportReport report = imports.importFile("annex.csv",
                new Annex().row(cycle, number, text, lead, coordinating, taskGroup, planDueDate).bytes(), null, false, "mofa.focal");
        assertThat(report.errors()).as("import errors").isEmpty();
        assertThat(report.created()).isEqualTo(1);
        continueStarts(management);
        return instanceOf(cycle, number);
    }

    public ProcessInstance instanceOf(int cycle, String number) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(RecommendationProcess.KEY)
                .processInstanceBusinessKey(RecommendationProcess.businessKey(cycle, number)).singleResult();
    }

    /** An annex table as CSV (UTF-8, comma separated, every value quoted). */
    public static final class Annex {

        private final StringBuilder csv = new StringBuilder(HEADER).append("\r\n");

        public Annex row(int cycle, String number, String text, String lead, String coordinating, String taskGroup,
                String planDueDate) {
            csv.append(Stream.of(number, text, "Sweden", "Supported", String.valueOf(cycle), taskGroup, lead, coordinating,
                    planDueDate).map(Annex::quoted).collect(Collectors.joining(","))).append("\r\n");
            return this;
        }

        public byte[] bytes() {
            return csv.toString().getBytes(StandardCharsets.UTF_8);
        }

        private static String quoted(String value) {
            return value == null ? "" : "\"" + value.replace("\"", "\"\"") + "\"";
        }
    }
}
