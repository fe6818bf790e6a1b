package vn.gov.mofa.upr.importing;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds which UPR cycle a document is about from how OHCHR titles it: the page header of a thematic list
 * reads "UPR of Slovenia (3rd Cycle - 34th Session)"; other documents say "Third cycle", "UPR cycle 3",
 * "cycle IV" or, in Vietnamese, "chu kỳ IV".
 */
final class ReviewCycleMention {

    private static final List<String> ORDINAL_WORDS = List.of("first", "second", "third", "fourth", "fifth", "sixth");
    private static final List<String> ROMAN = List.of("i", "ii", "iii", "iv", "v", "vi");
    private static final Pattern ORDINAL_NUMBER = Pattern.compile("\\b(\\d)\\s*(?:st|nd|rd|th)\\s+cycle\\b");
    private static final Pattern ORDINAL_WORD = Pattern.compile("\\b(first|second|third|fourth|fifth|sixth)\\s+cycle\\b");
    private static final Pattern CYCLE_THEN_NUMBER =
            Pattern.compile("\\b(?:cycle|chu kỳ)\\s+(\\d|iv|v?i{1,3}|v|vi)\\b", Pattern.UNICODE_CHARACTER_CLASS);

    private ReviewCycleMention() {
    }

    /** The cycle named first in the given texts, in their order. */
    static Optional<Integer> in(List<String> texts) {
        for (String text : texts) {
            Optional<Integer> cycle = in(text);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> in(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        Matcher number = ORDINAL_NUMBER.matcher(lower);
        if (number.find()) {
            return Optional.of(Integer.parseInt(number.group(1))).filter(cycle -> cycle > 0);
        }
        Matcher word = ORDINAL_WORD.matcher(lower);
        if (word.find()) {
            return Optional.of(ORDINAL_WORDS.indexOf(word.group(1)) + 1);
        }
        Matcher cycleThen = CYCLE_THEN_NUMBER.matcher(lower);
        if (cycleThen.find()) {
            String value = cycleThen.group(1);
            return Optional.of(Character.isDigit(value.charAt(0)) ? Integer.parseInt(value) : ROMAN.indexOf(value) + 1)
                    .filter(cycle -> cycle > 0);
        }
        return Optional.empty();
    }
}
