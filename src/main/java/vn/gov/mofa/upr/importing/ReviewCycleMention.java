package vn.gov.mofa.upr.importing;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which UPR cycle a document is about, from how it is titled: OHCHR's page header of a thematic list reads "UPR of
 * Slovenia (3rd Cycle - 34th Session)", other documents say "Third cycle", "UPR cycle 3" or "cycle IV"; a decision
 * and its annex say "chu kỳ IV", "Chu kỳ III", "chu kì 4" or "chu kỳ thứ tư".
 *
 * @param cycle the cycle's number
 * @param words the words that name it, as the document writes them ("CHU KỲ IV"), to quote to the user
 */
record ReviewCycleMention(int cycle, String words) {

    private static final List<String> ORDINAL_WORDS = List.of("first", "second", "third", "fourth", "fifth", "sixth");
    private static final List<String> VIETNAMESE_ORDINALS = List.of("nhất", "hai", "ba", "tư", "năm", "sáu");
    private static final List<String> ROMAN = List.of("i", "ii", "iii", "iv", "v", "vi", "vii", "viii");
    private static final Pattern ORDINAL_NUMBER = Pattern.compile("\\b(\\d)\\s*(?:st|nd|rd|th)\\s+cycle\\b");
    private static final Pattern ORDINAL_WORD = Pattern.compile("\\b(first|second|third|fourth|fifth|sixth)\\s+cycle\\b");
    private static final String NUMERAL = "\\d{1,2}|viii|vii|vi|v|iv|iii|ii|i";
    /**
     * Two digits at most: "chu kỳ 2019-2024" names years, not a cycle; a Vietnamese ordinal only after "thứ": "chu kỳ
     * năm 2020" and "chu kỳ hai năm" name no cycle.
     */
    private static final Pattern CYCLE_THEN_NUMBER = Pattern.compile("\\b(?:cycle|chu k[ỳì])\\s+(?:(?:lần\\s+)?thứ\\s+("
            + NUMERAL + "|nhất|hai|ba|tư|năm|sáu)|(" + NUMERAL + "))\\b", Pattern.UNICODE_CHARACTER_CLASS);

    /** The cycle named first in the given texts, in their order. */
    static Optional<ReviewCycleMention> in(List<String> texts) {
        for (String text : texts) {
            Optional<ReviewCycleMention> mention = in(text);
            if (mention.isPresent()) {
                return mention;
            }
        }
        return Optional.empty();
    }

    private static Optional<ReviewCycleMention> in(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String written = Normalizer.normalize(text, Normalizer.Form.NFC);
        // Vietnamese and English letters keep their length when lower-cased: the match's offsets quote the original
        String lower = written.toLowerCase(Locale.ROOT);
        Matcher number = ORDINAL_NUMBER.matcher(lower);
        if (number.find()) {
            return mention(Integer.parseInt(number.group(1)), written, number);
        }
        Matcher word = ORDINAL_WORD.matcher(lower);
        if (word.find()) {
            return mention(ORDINAL_WORDS.indexOf(word.group(1)) + 1, written, word);
        }
        Matcher cycleThen = CYCLE_THEN_NUMBER.matcher(lower);
        if (cycleThen.find()) {
            String value = cycleThen.group(1) != null ? cycleThen.group(1) : cycleThen.group(2);
            int cycle = Character.isDigit(value.charAt(0)) ? Integer.parseInt(value)
                    : ROMAN.contains(value) ? ROMAN.indexOf(value) + 1 : VIETNAMESE_ORDINALS.indexOf(value) + 1;
            return mention(cycle, written, cycleThen);
        }
        return Optional.empty();
    }

    private static Optional<ReviewCycleMention> mention(int cycle, String written, Matcher match) {
        return cycle > 0 ? Optional.of(new ReviewCycleMention(cycle, written.substring(match.start(), match.end())))
                : Optional.empty();
    }
}
