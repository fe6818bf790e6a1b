package vn.gov.mofa.upr.importing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What each column of a thematic-list table means, as its header row says. */
record ThematicListHeader(Map<Integer, ThematicListColumn> columns, int width) {

    static final ThematicListHeader NONE = new ThematicListHeader(Map.of(), -1);

    /**
     * Reads a candidate header row (one text per cell). It is a header only when it names a "Recommendation"
     * column and at least one other known column; otherwise {@link #NONE}, so a stray heading row cannot
     * pass for one.
     */
    static ThematicListHeader of(List<String> cellTexts) {
        Map<Integer, ThematicListColumn> columns = new HashMap<>();
        for (int i = 0; i < cellTexts.size(); i++) {
            int cell = i;
            ThematicListColumn.forHeader(cellTexts.get(i)).ifPresent(column -> columns.put(cell, column));
        }
        boolean isHeader = columns.size() >= 2 && columns.containsValue(ThematicListColumn.RECOMMENDATION);
        return isHeader ? new ThematicListHeader(Map.copyOf(columns), cellTexts.size()) : NONE;
    }

    boolean isKnown() {
        return width >= 0;
    }

    /**
     * The meaning of one cell of a recommendation row. The cell holding the numbered recommendation is that,
     * whatever the header says; the header is trusted for the others only when the row has as many cells as
     * the header (merged cells shift positions), otherwise the cell is read by its content.
     */
    ThematicListColumn columnOf(int cell, int rowWidth, int recommendationCell) {
        if (cell == recommendationCell) {
            return ThematicListColumn.RECOMMENDATION;
        }
        ThematicListColumn column = rowWidth == width
                ? columns.getOrDefault(cell, ThematicListColumn.UNLABELLED)
                : ThematicListColumn.UNLABELLED;
        return column == ThematicListColumn.RECOMMENDATION ? ThematicListColumn.UNLABELLED : column;
    }
}
