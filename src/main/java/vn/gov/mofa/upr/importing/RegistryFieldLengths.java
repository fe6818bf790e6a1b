package vn.gov.mofa.upr.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * What the registry can hold of one recommendation: the widths of table {@code recommendation}
 * (db/migration/V1__registry.sql). A value that does not fit is the user's to shorten, so it is a row error
 * naming the field rather than a database failure.
 */
final class RegistryFieldLengths {

    private static final int NUMBER = 32;
    /** each of the text and its Vietnamese translation (Camunda's variable holds both, its column is wide: LongTextColumns) */
    private static final int TEXT = 20000;
    private static final int RECOMMENDING_STATES = 2000;
    private static final int SOURCE_OF_POSITION = 500;
    private static final int THEMES = 4000;
    private static final int SDGS = 1000;
    private static final int AFFECTED_PERSONS = 2000;
    private static final int COORDINATING_AGENCIES = 500;
    private static final int ANNEX_NOTE = 2000;

    private RegistryFieldLengths() {
    }

    /**
     * @param coordinating the coordinating agencies' codes, as they will be stored
     * @param annexNote    what the agency cells said beyond names (may be null)
     */
    static List<String> problemsOf(ImportRow row, List<String> coordinating, String annexNote) {
        List<String> problems = new ArrayList<>();
        if (row.number().length() > NUMBER) {
            problems.add("Số khuyến nghị \"%s\" dài %s ký tự: tối đa %s ký tự."
                    .formatted(RowError.shortened(row.number()), ImportLimits.number(row.number().length()), NUMBER));
        }
        for (String[] text : new String[][] {{"Nội dung khuyến nghị", row.text()}, {"Nội dung tiếng Việt", row.textVi()}}) {
            if (text[1] != null && text[1].length() > TEXT) {
                problems.add("%s dài %s ký tự: tối đa %s ký tự."
                        .formatted(text[0], ImportLimits.number(text[1].length()), ImportLimits.number(TEXT)));
            }
        }
        if (row.sourceOfPosition() != null && row.sourceOfPosition().length() > SOURCE_OF_POSITION) {
            problems.add("Nguồn lập trường (Source of Position) dài %s ký tự: tối đa %s ký tự."
                    .formatted(ImportLimits.number(row.sourceOfPosition().length()), SOURCE_OF_POSITION));
        }
        checkList(problems, "Quốc gia khuyến nghị", row.recommendingStates(), RECOMMENDING_STATES);
        checkList(problems, "Chủ đề", row.themes(), THEMES);
        checkList(problems, "SDG", row.sdgs(), SDGS);
        checkList(problems, "Nhóm đối tượng", row.affectedPersons(), AFFECTED_PERSONS);
        checkList(problems, "Cơ quan phối hợp", coordinating, COORDINATING_AGENCIES);
        if (annexNote != null && annexNote.length() > ANNEX_NOTE) {
            problems.add("Phần ghi chung về cơ quan (như \"các bộ, ngành liên quan\") dài %s ký tự: tối đa %s ký tự."
                    .formatted(ImportLimits.number(annexNote.length()), ImportLimits.number(ANNEX_NOTE)));
        }
        return problems;
    }

    /** The registry keeps a list in one column, its items joined by one separator character. */
    private static void checkList(List<String> problems, String field, List<String> items, int width) {
        int stored = items.stream().mapToInt(String::length).sum() + Math.max(items.size() - 1, 0);
        if (stored > width) {
            problems.add("%s: %s mục, cộng lại dài %s ký tự: tối đa %s ký tự. Hãy bớt hoặc rút gọn các mục."
                    .formatted(field, items.size(), ImportLimits.number(stored), ImportLimits.number(width)));
        }
    }
}
