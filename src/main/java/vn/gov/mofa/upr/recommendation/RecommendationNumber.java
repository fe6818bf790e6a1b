package vn.gov.mofa.upr.recommendation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recommendation's number as people write it and as the list sorts it. Officers type "143.1", "KN 143.1"
 * (khuyến nghị) or the business key "UPR2-143.1"; the registry stores "143.1". Numbers sort part by part as
 * numbers (143.2 before 143.10), through a key in which every run of digits is padded to the same width.
 */
public final class RecommendationNumber {

    /** Wider than any part of a UN number (the largest is a few hundred). */
    private static final int DIGITS = 6;
    private static final Pattern DIGIT_RUN = Pattern.compile("\\d+");
    private static final Pattern TYPED = Pattern.compile(
            "(?:(?:UPR\\s*(\\d+)\\s*[-\\s]\\s*)|(?:KN\\.?\\s*))?(\\d+(?:\\.\\d+)*[a-z]?)", Pattern.CASE_INSENSITIVE);

    /** A number a user typed: {@code cycle} when the business key named one. */
    public record Typed(Integer cycle, String number) {
    }

    private RecommendationNumber() {
    }

    /** The search box's text when it is a number in one of the accepted forms; empty when it is words. */
    public static Optional<Typed> parse(String query) {
        if (query == null) {
            return Optional.empty();
        }
        Matcher matcher = TYPED.matcher(query.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Typed(matcher.group(1) == null ? null : Integer.valueOf(matcher.group(1)), matcher.group(2)));
    }

    /** The key the list sorts by: "143.10" is "000143.000010", after "000143.000002". */
    public static String orderKey(String number) {
        Matcher digits = DIGIT_RUN.matcher(number);
        StringBuilder key = new StringBuilder();
        while (digits.find()) {
            String run = digits.group().replaceFirst("^0+(?=\\d)", "");
            digits.appendReplacement(key, "0".repeat(Math.max(0, DIGITS - run.length())) + run);
        }
        digits.appendTail(key);
        return key.toString().toLowerCase(java.util.Locale.ROOT);
    }
}
