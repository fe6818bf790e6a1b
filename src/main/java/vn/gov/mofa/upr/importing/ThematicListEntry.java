package vn.gov.mofa.upr.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cells of one table row of an OHCHR thematic list, read line by line. Labels switch what the
 * following lines mean ("SDGs:", "Affected persons:"/"Groups of Persons:", "Source of Position:"), and a
 * column's header decides what unlabelled lines mean, so the same code reads SDGs whether they sit in the
 * theme cell or in their own column, and the position whether it has its own column or not. Items after
 * a label on the same line are split at ";" only (and at "," for bare SDG numbers), because OHCHR's own
 * item names carry commas: "minorities/ racial, ethnic, linguistic, religious or descent-based groups".
 */
final class ThematicListEntry {

    private enum Section { TEXT, POSITION, THEMES, SDGS, AFFECTED_PERSONS, IGNORED }

    private static final Pattern SOURCE_OF_POSITION = Pattern.compile("(?i)source of position\\s*:?\\s*(.*)");
    private static final Pattern POSITION_WORD =
            Pattern.compile("(?i)(?:position\\s*:\\s*)?(supported|noted|accepted)\\s*\\.?");
    private static final Pattern POSITION_LABEL = Pattern.compile("(?i)position\\s*:\\s*(.*)");
    private static final Pattern SDGS_LABEL = Pattern.compile("(?i)(?:sdgs?|sustainable development goals?)\\s*:\\s*(.*)");
    private static final Pattern PERSONS_LABEL = Pattern.compile(
            "(?i)(?:affected persons|groups of persons|persons affected|affected groups)\\s*:\\s*(.*)");
    private static final Pattern THEMES_LABEL = Pattern.compile("(?i)(?:themes?|full list of themes)\\s*:\\s*(.*)");
    /** "16, 5" or "SDG 16, SDG 5": commas separate; in "16 - PEACE, JUSTICE ..." they do not. */
    private static final Pattern SDG_NUMBER_LIST =
            Pattern.compile("(?i)(?:sdg\\s*)?\\d{1,2}(?:\\s*[,;]\\s*(?:sdg\\s*)?\\d{1,2})*");
    private static final Pattern BULLET = Pattern.compile("^[-–—•*·]\\s*");

    private final List<String> textLines = new ArrayList<>();
    private final List<String> themes = new ArrayList<>();
    private final List<String> sdgs = new ArrayList<>();
    private final List<String> affectedPersons = new ArrayList<>();
    private String position;
    private String sourceOfPosition;

    /** Reads one cell; {@code lines} are its paragraphs and line breaks, in order. */
    void read(ThematicListColumn column, List<String> lines) {
        Section section = switch (column) {
            case RECOMMENDATION -> Section.TEXT;
            case POSITION -> Section.POSITION;
            case THEMES, UNLABELLED -> Section.THEMES;
            case SDGS -> Section.SDGS;
            case AFFECTED_PERSONS -> Section.AFFECTED_PERSONS;
            case ASSESSMENT -> Section.IGNORED;
        };
        if (section == Section.IGNORED) {
            return;
        }
        for (String rawLine : lines) {
            String line = rawLine.replace('\u00A0', ' ').strip();
            if (line.isEmpty()) {
                continue;
            }
            section = readLine(line, section, column);
        }
    }

    private Section readLine(String line, Section section, ThematicListColumn column) {
        Matcher matcher;
        if ((matcher = SOURCE_OF_POSITION.matcher(line)).matches()) {
            sourceOfPosition = emptyToNull(matcher.group(1));
            return column == ThematicListColumn.RECOMMENDATION ? Section.POSITION : section;
        }
        if (POSITION_WORD.matcher(line).matches()) {
            position = line;
            return column == ThematicListColumn.RECOMMENDATION ? Section.POSITION : section;
        }
        if ((matcher = SDGS_LABEL.matcher(line)).matches()) {
            addItems(sdgs, matcher.group(1), SDG_NUMBER_LIST.matcher(matcher.group(1).strip()).matches() ? "[,;]" : ";");
            return Section.SDGS;
        }
        if ((matcher = PERSONS_LABEL.matcher(line)).matches()) {
            addItems(affectedPersons, matcher.group(1), ";");
            return Section.AFFECTED_PERSONS;
        }
        if ((matcher = THEMES_LABEL.matcher(line)).matches()) {
            addItems(themes, matcher.group(1), ";");
            return Section.THEMES;
        }
        if (section == Section.POSITION && (matcher = POSITION_LABEL.matcher(line)).matches()) {
            position = line;
            return section;
        }
        switch (section) {
            case TEXT -> textLines.add(line);
            case POSITION -> {
                // Only the position column's own words are a position; stray lines in the recommendation
                // cell after its labels (notes, blank-looking runs) are not.
                if (column == ThematicListColumn.POSITION && position == null) {
                    position = line;
                }
            }
            case THEMES -> addItems(themes, line, null);
            case SDGS -> addItems(sdgs, line, null);
            case AFFECTED_PERSONS -> addItems(affectedPersons, line, null);
            case IGNORED -> { }
        }
        return section;
    }

    private static void addItems(List<String> target, String text, String separator) {
        List<String> pieces = separator == null ? List.of(text) : Arrays.asList(text.split(separator));
        for (String piece : pieces) {
            String item = BULLET.matcher(piece.strip()).replaceFirst("").strip();
            if (!item.isEmpty() && !target.contains(item)) {
                target.add(item);
            }
        }
    }

    private static String emptyToNull(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    String wording() {
        return String.join(" ", textLines);
    }

    /** The position as written, without a "Position:" label; null when the row has none. */
    String position() {
        if (position == null) {
            return null;
        }
        Matcher label = POSITION_LABEL.matcher(position);
        return emptyToNull(label.matches() ? label.group(1) : position);
    }

    String sourceOfPosition() {
        return sourceOfPosition;
    }

    List<String> themes() {
        return List.copyOf(themes);
    }

    List<String> sdgs() {
        return List.copyOf(sdgs);
    }

    List<String> affectedPersons() {
        return List.copyOf(affectedPersons);
    }
}
