package vn.gov.mofa.upr.delegation;

import vn.gov.mofa.upr.workflow.RecommendationProcess;

/** Which of an agency's steps a unit's work feeds: the lead's plan or report, or a coordinating agency's contribution. */
public enum DelegatedPart {

    PLAN("kế hoạch thực hiện", RecommendationProcess.PREPARE_PLAN),
    REPORT("báo cáo thực hiện", RecommendationProcess.PREPARE_REPORT),
    CONTRIBUTION("đóng góp thông tin báo cáo", RecommendationProcess.CONTRIBUTE_INPUT);

    private final String label;
    private final String step;

    DelegatedPart(String label, String step) {
        this.label = label;
        this.step = step;
    }

    /** How the part is named in a sentence: "phần kế hoạch thực hiện". */
    public String label() {
        return label;
    }

    /** The agency's own step (task definition key) that the unit's work feeds. */
    public String step() {
        return step;
    }

    public static DelegatedPart ofStep(String step) {
        for (DelegatedPart part : values()) {
            if (part.step.equals(step)) {
                return part;
            }
        }
        throw new IllegalArgumentException("Bước " + step + " không giao được cho đơn vị");
    }
}
