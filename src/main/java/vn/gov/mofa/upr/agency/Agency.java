package vn.gov.mofa.upr.agency;

/** A ministry or body of Decision 1172/QĐ-TTg; {@code code} is also its Camunda group id. */
public record Agency(String code, String nameVi, String nameEn, String kind) {

    public static final String MOFA = "mofa";

    /** The Camunda group of the agency's leaders, who receive escalations. */
    public String leadersGroup() {
        return leadersGroupOf(code);
    }

    public static String leadersGroupOf(String code) {
        return code + "-leaders";
    }
}
