package vn.gov.mofa.upr.importing;

import java.io.ByteArrayOutputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The empty annex MOFA hands to ministries: every column under its Vietnamese title and one example row that shows
 * the accepted forms (agencies by name or abbreviation, a quarter as deadline). Both files import as they are.
 */
final class AnnexTemplate {

    private static final Map<AnnexColumn, String> EXAMPLE = new EnumMap<>(Map.ofEntries(
            Map.entry(AnnexColumn.NUMBER, "46.12"),
            Map.entry(AnnexColumn.TEXT, "Continue to strengthen the rule of law and judicial reform"),
            Map.entry(AnnexColumn.TEXT_VI, "Tiếp tục tăng cường nhà nước pháp quyền và cải cách tư pháp"),
            Map.entry(AnnexColumn.RECOMMENDING_STATES, "France; Lithuania"),
            Map.entry(AnnexColumn.RESPONSE, "Chấp thuận"),
            Map.entry(AnnexColumn.CYCLE, "4"),
            Map.entry(AnnexColumn.TASK_GROUP, "1"),
            Map.entry(AnnexColumn.LEAD_AGENCY, "Bộ Tư pháp"),
            Map.entry(AnnexColumn.COORDINATING_AGENCIES,
                    "Bộ Công an; Bộ Văn hóa, Thể thao và Du lịch; TANDTC; các bộ, ngành liên quan"),
            Map.entry(AnnexColumn.PLAN_DUE_DATE, "30/06/2026"),
            Map.entry(AnnexColumn.DUE_DATE, "Quý IV/2027"),
            Map.entry(AnnexColumn.THEMES, "Rule of law"),
            Map.entry(AnnexColumn.SDGS, "16"),
            Map.entry(AnnexColumn.AFFECTED_PERSONS, "")));

    private AnnexTemplate() {
    }

    static byte[] xlsx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AnnexWriter.xlsxOf(List.of(EXAMPLE::get), out);
        return out.toByteArray();
    }

    static byte[] csv() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AnnexWriter.csvOf(List.of(EXAMPLE::get), out);
        return out.toByteArray();
    }
}
