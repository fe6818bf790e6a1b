package vn.gov.mofa.upr.agencyplan;

/** One of an agency's own groups of recommendations: "1", "Nhóm 1: Quyền dân sự, chính trị". */
public record InternalGroup(String code, String name) {

    /** The heading of recommendations an agency has not tagged yet. */
    static final InternalGroup NONE = new InternalGroup("", "Chưa phân nhóm");
}
