package vn.gov.mofa.upr.recommendation;

import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * What {@code GET /api/recommendations} narrows by. {@code visibleAgencies} is set by the caller's identity:
 * null for MOFA (everything), otherwise the agencies whose recommendations the caller may see.
 */
public record RecommendationFilter(Integer cycle, String agency, String taskGroup, String status, String theme,
        String sdg, String text, List<String> visibleAgencies) {

    void appendTo(StringBuilder where, MapSqlParameterSource params) {
        if (cycle != null) {
            where.append(" and cycle = :cycle");
            params.addValue("cycle", cycle);
        }
        if (agency != null) {
            where.append(" and (lead_agency = :agency or ").append(listContains("coordinating_agencies", ":agencyLike")).append(")");
            params.addValue("agency", agency).addValue("agencyLike", like(agency));
        }
        if (taskGroup != null) {
            where.append(" and task_group = :taskGroup");
            params.addValue("taskGroup", taskGroup);
        }
        if (status != null) {
            where.append(" and (implementation_status = :status or final_status = :status)");
            params.addValue("status", status);
        }
        if (theme != null) {
            where.append(" and lower(themes) like :theme");
            params.addValue("theme", "%" + theme.toLowerCase(Locale.ROOT) + "%");
        }
        if (sdg != null) {
            where.append(" and lower(sdgs) like :sdg");
            params.addValue("sdg", "%" + sdg.toLowerCase(Locale.ROOT) + "%");
        }
        if (text != null) {
            where.append(" and (lower(text) like :text or lower(text_vi) like :text or lower(number) like :text)");
            params.addValue("text", "%" + text.toLowerCase(Locale.ROOT) + "%");
        }
        if (visibleAgencies != null) {
            where.append(" and (lead_agency in (:visible)");
            for (int i = 0; i < visibleAgencies.size(); i++) {
                where.append(" or ").append(listContains("coordinating_agencies", ":visibleLike" + i));
                params.addValue("visibleLike" + i, like(visibleAgencies.get(i)));
            }
            where.append(")");
            params.addValue("visible", visibleAgencies.isEmpty() ? List.of("") : visibleAgencies);
        }
    }

    /** Lists are stored "a|b|c": match a whole element, not a prefix of another code. */
    private static String listContains(String column, String param) {
        return "('|' || " + column + " || '|') like " + param;
    }

    private static String like(String code) {
        return "%|" + code + "|%";
    }
}
