package vn.gov.mofa.upr.importing;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of an annex table (CSV or XLSX) and the header titles accepted for each. Vietnamese titles
 * are the ones used in Decision 1172's annex, so a desk officer can upload the table as the ministry
 * drafted it. Shared by both spreadsheet readers so the header rules exist once.
 */
enum AnnexColumn {
    NUMBER(true, "number", "Số khuyến nghị", "Số hiệu", "Số hiệu khuyến nghị", "Số KN"),
    TEXT(true, "text", "Nội dung", "Nội dung khuyến nghị", "Nội dung khuyến nghị (số hiệu)", "Khuyến nghị"),
    TEXT_VI(false, "text_vi", "Nội dung (tiếng Việt)"),
    RECOMMENDING_STATES(false, "recommending_states", "Quốc gia khuyến nghị"),
    RESPONSE(false, "response", "Trả lời", "Lập trường"),
    CYCLE(false, "cycle", "Chu kỳ"),
    TASK_GROUP(false, "task_group", "Nhóm nhiệm vụ"),
    LEAD_AGENCY(false, "lead_agency", "Cơ quan chủ trì", "Chủ trì", "Đơn vị chủ trì"),
    COORDINATING_AGENCIES(false, "coordinating_agencies", "Cơ quan phối hợp", "Phối hợp", "Đơn vị phối hợp"),
    PLAN_DUE_DATE(false, "plan_due_date", "Thời hạn kế hoạch"),
    DUE_DATE(false, "due_date", "Thời hạn", "Thời gian thực hiện", "Thời gian hoàn thành", "Thời hạn hoàn thành"),
    THEMES(false, "themes", "Chủ đề"),
    SDGS(false, "sdgs", "SDG", "SDGs"),
    AFFECTED_PERSONS(false, "affected_persons", "Nhóm đối tượng");

    private final boolean required;
    private final List<String> titles;

    AnnexColumn(boolean required, String... titles) {
        this.required = required;
        this.titles = List.of(titles);
    }

    boolean required() {
        return required;
    }

    /** The name shown to the user in error messages: the canonical key. */
    String key() {
        return titles.get(0);
    }

    /** The Vietnamese title, as Decision 1172's annex writes it: the header of an export and of the template. */
    String title() {
        return titles.get(1);
    }

    static Optional<AnnexColumn> forHeader(String header) {
        String wanted = comparable(header);
        for (AnnexColumn column : values()) {
            for (String title : column.titles) {
                if (comparable(title).equals(wanted)) {
                    return Optional.of(column);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Excel on Windows and macOS may store Vietnamese letters precomposed or decomposed, so both sides are
     * NFC-normalised before comparing; a stray BOM, non-breaking space or doubled space must not hide a column.
     */
    private static String comparable(String header) {
        if (header == null) {
            return "";
        }
        String text = Normalizer.normalize(header, Normalizer.Form.NFC)
                .replace('\uFEFF', ' ')
                .replace('\u00A0', ' ');
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
