package vn.gov.mofa.upr.agencyplan;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An agency's progress, by unit (what it delegated to each) and by its own groups. Each figure links to the list
 * behind it ({@code link}: the progress page showing that list); {@code selected} is that list when one was asked for.
 */
public record AgencyProgress(String agency, String agencyName, Integer cycle, List<Integer> cycles, List<UnitRow> units,
        List<GroupRow> groups, Selection selected) {

    /** A figure and the lines it counts. */
    public record Cell(int count, String link, @JsonIgnore List<Line> lines) {
    }

    /** One line of a list: a recommendation, and for a unit the part delegated and how it stands. */
    public record Line(int cycle, String number, String text, String detail, String caseUrl) {
    }

    /** What the agency delegated to one unit: parts delegated, accepted, late (past the internal deadline, unanswered), returned at least once. */
    public record UnitRow(String unit, String name, Cell delegated, Cell accepted, Cell late, Cell returned) {
    }

    /** One internal group ("" for the untagged): recommendations, of which plan approved, a report approved, late. */
    public record GroupRow(String code, String name, Cell recommendations, Cell planApproved, Cell reportsApproved, Cell late) {
    }

    /** The list a figure's link shows, with what it is the list of. */
    public record Selection(String title, List<Line> lines) {
    }
}
