package vn.gov.mofa.upr.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * The suggestion table {@code processes/lead-agency-suggestion.dmn} on its own (Camunda's DMN engine, no Spring):
 * typical recommendations get the agency a MOFA officer would pick, and the share of the 2014 sample it covers.
 */
class LeadAgencySuggestionTest {

    final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    final DmnDecision table = dmn.parseDecision("lead-agency-suggestion",
            getClass().getResourceAsStream("/upr/processes/lead-agency-suggestion.dmn"));

    @Test
    void typicalRecommendationsGetTheExpectedAgencies() {
        assertThat(suggest("Take further measures to prevent torture and ill-treatment in places of detention"))
                .containsEntry("leadAgency", "mps").containsEntry("taskGroup", "3");
        assertThat(suggest("Continue to improve the quality of education in rural and remote areas"))
                .containsEntry("leadAgency", "moet");
        assertThat(suggest("Consider ratifying the Optional Protocol to the Convention against Torture"))
                .containsEntry("leadAgency", "mps");
        assertThat(suggest("Ratify the International Convention for the Protection of All Persons from Enforced Disappearance"))
                .containsEntry("leadAgency", "mofa").containsEntry("coordinatingAgencies", "moj").containsEntry("taskGroup", "6");
        assertThat(suggest("Adopt a national action plan on gender equality and combat violence against women"))
                .containsEntry("leadAgency", "moha");
        assertThat(suggest("Something no rule speaks of")).isEmpty();
    }

    @Test
    void mostOfThe2014SampleGetsASuggestion() throws IOException {
        byte[] sample = getClass().getResourceAsStream("/samples/vn-upr-cycle2-2014.csv").readAllBytes();
        List<ImportRow> rows = new AnnexCsvReader(Limits.AS_CONFIGURED).read(sample, null).rows();
        long suggested = rows.stream().filter(row -> !suggest(row.text()).isEmpty()).count();
        System.out.printf("lead agency suggestion: %d of %d recommendations of the 2014 sample%n", suggested, rows.size());
        assertThat(rows).hasSize(244);
        assertThat(suggested).isGreaterThan(rows.size() / 2);
    }

    private Map<String, Object> suggest(String text) {
        var result = dmn.evaluateDecisionTable(table, Variables.putValue("subject", text.toLowerCase()));
        return result.isEmpty() ? Map.of() : result.getFirstResult().getEntryMap();
    }
}
