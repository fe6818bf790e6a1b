package vn.gov.mofa.upr.importing;

import java.util.List;

/** A data row of an annex table, with the line number the user sees in their own file. */
record AnnexLine(int line, List<AnnexCell> cells) {

    AnnexCell cell(int index) {
        return index < cells.size() ? cells.get(index) : AnnexCell.EMPTY;
    }

    boolean isBlank() {
        return cells.stream().allMatch(AnnexCell::isBlank);
    }
}
