package vn.gov.mofa.upr.recommendation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.gov.mofa.upr.ApplicationTest;
import vn.gov.mofa.upr.Recommendations;
import vn.gov.mofa.upr.importing.RecommendationImport;
import vn.gov.mofa.upr.workflow.RecommendationProcess;

/** Tasklist's order by number: new recommendations carry their sort key, older running ones get it once. */
@ApplicationTest
class NumberOrderBackfillTest {

    static final int CYCLE = 95;

    @Autowired RecommendationImport imports;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired NumberOrderBackfill backfill;

    @Test
    void anImportedRecommendationSortsAsANumberAndAnOlderOneGetsItsKeyOnce() {
        var recommendations = new Recommendations(imports, runtime, management);
        String tenth = recommendations.track(CYCLE, "143.10", "Ratify the Optional Protocol", "mps", null, "1", "31/12/2030").getId();
        String second = recommendations.track(CYCLE, "143.2", "Combat trafficking in persons", "mps", null, "1", "31/12/2030").getId();
        assertEquals("000143.000010", runtime.getVariable(tenth, RecommendationProcess.VAR_NUMBER_ORDER));
        assertEquals("000143.000002", runtime.getVariable(second, RecommendationProcess.VAR_NUMBER_ORDER));

        // as before this version: no key
        runtime.removeVariable(second, RecommendationProcess.VAR_NUMBER_ORDER);
        assertNull(runtime.getVariable(second, RecommendationProcess.VAR_NUMBER_ORDER));
        backfill.fill();
        assertEquals("000143.000002", runtime.getVariable(second, RecommendationProcess.VAR_NUMBER_ORDER));
        assertEquals(0, backfill.fill(), "a second start writes nothing");
    }
}
