package vn.gov.mofa.upr.reporting;

import static vn.gov.mofa.upr.workflow.RecommendationProcess.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.mofa.upr.agency.AgencyDirectory;

/**
 * [ContributeInput]: one task per coordinating agency. Each agency's answer stays local to its task and is
 * appended, when completed, to {@code contributions} (JSON) and {@code contributionsSummary} (text the lead
 * agency reads in its report form).
 */
@Component("contributionCollector")
public class ContributionCollector implements TaskListener {

    static final String RESULTS = "contributionResults";
    static final String FIGURES = "contributionFigures";
    static final String DIFFICULTIES = "contributionDifficulties";
    static final String AGENCY_NAME = "contributingAgencyName";

    private static final TypeReference<List<Map<String, String>>> LIST = new TypeReference<>() {
    };

    private final AgencyDirectory agencies;
    private final ObjectMapper json;

    public ContributionCollector(AgencyDirectory agencies, ObjectMapper json) {
        this.agencies = agencies;
        this.json = json;
    }

    /** The multi-instance collection: one element per coordinating agency. */
    public List<String> agencies(Object coordinatingAgencies) {
        return AgencyDirectory.codesOf(coordinatingAgencies);
    }

    @Override
    public void notify(DelegateTask task) {
        String agency = (String) task.getVariable(VAR_CONTRIBUTING_AGENCY);
        String agencyName = agencies.namesOf(agency);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(AGENCY_NAME, agencyName);
            return;
        }
        Map<String, String> contribution = new LinkedHashMap<>();
        contribution.put("agency", agency);
        contribution.put("agencyName", agencyName);
        contribution.put("results", text(task.getVariable(RESULTS)));
        contribution.put("figures", text(task.getVariable(FIGURES)));
        contribution.put("difficulties", text(task.getVariable(DIFFICULTIES)));
        DelegateExecution instance = task.getExecution().getProcessInstance();
        List<Map<String, String>> all = read((String) instance.getVariable(VAR_CONTRIBUTIONS));
        all.add(contribution);
        instance.setVariable(VAR_CONTRIBUTIONS, write(all));
        instance.setVariable(VAR_CONTRIBUTIONS_SUMMARY, summary(all));
    }

    static String summary(List<Map<String, String>> contributions) {
        var text = new StringBuilder();
        for (Map<String, String> c : contributions) {
            text.append(c.get("agencyName")).append(":\n- Kết quả: ").append(c.get("results"));
            if (!c.get("figures").isBlank()) {
                text.append("\n- Số liệu: ").append(c.get("figures"));
            }
            if (!c.get("difficulties").isBlank()) {
                text.append("\n- Khó khăn, vướng mắc: ").append(c.get("difficulties"));
            }
            text.append("\n\n");
        }
        return text.toString().strip();
    }

    private List<Map<String, String>> read(String value) {
        try {
            return value == null || value.isBlank() ? new ArrayList<>() : new ArrayList<>(json.readValue(value, LIST));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("contributions is not a JSON list", e);
        }
    }

    private String write(List<Map<String, String>> all) {
        try {
            return json.writeValueAsString(all);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().strip();
    }
}
