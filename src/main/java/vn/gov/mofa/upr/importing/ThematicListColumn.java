package vn.gov.mofa.upr.importing;

import java.util.Locale;
import java.util.Optional;

/**
 * The columns an OHCHR thematic list may have. Their order and number change between cycles ("Position"
 * is its own column in cycle 3 and may sit inside the recommendation cell elsewhere; SDGs may have their
 * own column), so columns are recognised by header wording, never by position.
 */
enum ThematicListColumn {
    RECOMMENDATION, POSITION, THEMES, SDGS, AFFECTED_PERSONS, ASSESSMENT,
    /** A column without a recognised header: read by its content (labels such as "SDGs:"), themes by default. */
    UNLABELLED;

    static Optional<ThematicListColumn> forHeader(String headerText) {
        String header = headerText.strip().toLowerCase(Locale.ROOT);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        if (header.contains("recommendation")) {
            return Optional.of(RECOMMENDATION);
        }
        if (header.contains("position") && !header.contains("source")) {
            return Optional.of(POSITION);
        }
        if (header.contains("theme")) {
            return Optional.of(THEMES);
        }
        if (header.contains("sdg") || header.contains("sustainable development")) {
            return Optional.of(SDGS);
        }
        if (header.contains("persons") || header.contains("affected")) {
            return Optional.of(AFFECTED_PERSONS);
        }
        if (header.contains("assessment") || header.contains("implementation") || header.contains("comment")) {
            return Optional.of(ASSESSMENT);
        }
        return Optional.empty();
    }
}
