package vn.gov.mofa.upr.importing;

import java.time.LocalDate;
import java.util.List;

/**
 * One recommendation as read from a file: raw values, agencies not yet resolved to codes: {@code leadAgency} and
 * {@code coordinatingAgencies} are the cells as written, which may name several agencies (see AnnexAgencies).
 *
 * <p>{@code line} tells the user where to look in their own file:
 * <ul>
 *   <li>CSV: the physical line where the record starts (the header is line 1; a quoted field
 *       spanning several lines pushes the following records down, as a text editor would show);</li>
 *   <li>XLSX: the sheet row number as Excel shows it (header normally row 1);</li>
 *   <li>DOCX thematic list: a Word table has no row numbers the user can see, so it is the recommendation's
 *       ordinal position in the document (1-based) plus 1 — the first recommendation is 2, which
 *       keeps the "header = 1" convention of the spreadsheet formats.</li>
 *   <li>DOCX annex of a decision: the table row counted through the document's tables, the first row being 1.</li>
 * </ul>
 * Lists are never null (empty when the file has nothing); the other optional values are null when absent.
 * {@code ongoingDeadline} is the due date cell's words when it names an ongoing task ("Thường xuyên"), which has no
 * {@code dueDate}.
 */
public record ImportRow(int line, Integer cycle, String number, String text, String textVi,
        List<String> recommendingStates, Response response, String sourceOfPosition,
        List<String> themes, List<String> sdgs, List<String> affectedPersons,
        String taskGroup, String leadAgency, String coordinatingAgencies,
        LocalDate planDueDate, LocalDate dueDate, String ongoingDeadline) {

    public ImportRow {
        recommendingStates = recommendingStates == null ? List.of() : List.copyOf(recommendingStates);
        themes = themes == null ? List.of() : List.copyOf(themes);
        sdgs = sdgs == null ? List.of() : List.copyOf(sdgs);
        affectedPersons = affectedPersons == null ? List.of() : List.copyOf(affectedPersons);
    }
}
