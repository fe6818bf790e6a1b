package vn.gov.mofa.upr.importing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first part of an OHCHR recommendation cell, "121.1 Ratify ... (France) (Lithuania);", taken apart
 * into number, text and recommending states.
 *
 * <p>OHCHR merges identical recommendations into one entry: "Ratify X (Ukraine); Increase efforts towards
 * X (Slovakia);". Each ";"-separated clause therefore loses its own closing state groups, the states of all
 * clauses are collected, and the clauses are joined again with "; ". A closing group counts as states when
 * every name in it is a known state ({@link StateNames}); the very last group of the entry always does
 * (every recommendation ends with its author) unless it holds a digit, as in "(No. 189)".
 */
record RecommendationWording(String number, String text, List<String> states) {

    private static final Pattern NUMBERED = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3})+)\\.?\\s+(.+)", Pattern.DOTALL);

    static boolean startsWithNumber(String cellText) {
        return NUMBERED.matcher(cellText.strip()).matches();
    }

    static Optional<RecommendationWording> parse(String wording) {
        Matcher matcher = NUMBERED.matcher(wording.strip().replaceAll("\\s+", " "));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        List<String> clauses = topLevelClauses(matcher.group(2));
        List<String> texts = new ArrayList<>();
        Set<String> states = new LinkedHashSet<>();
        for (int i = 0; i < clauses.size(); i++) {
            ClosingGroups closing = ClosingGroups.of(clauses.get(i), i == clauses.size() - 1);
            if (!closing.text().isEmpty()) {
                texts.add(closing.text());
            }
            states.addAll(closing.states());
        }
        return Optional.of(new RecommendationWording(matcher.group(1), String.join("; ", texts), List.copyOf(states)));
    }

    private static List<String> topLevelClauses(String body) {
        List<String> clauses = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (c == ';' && depth == 0) {
                clauses.add(body.substring(start, i));
                start = i + 1;
            }
        }
        clauses.add(body.substring(start));
        return clauses.stream().map(String::strip).filter(clause -> !clause.isEmpty()).toList();
    }

    /** A clause's text and the state groups peeled off its end. */
    private record ClosingGroups(String text, List<String> states) {

        static ClosingGroups of(String clause, boolean lastClause) {
            String rest = withoutEndPunctuation(clause);
            List<List<String>> groups = new ArrayList<>();
            while (rest.endsWith(")")) {
                int open = matchingOpen(rest);
                if (open < 0) {
                    break;
                }
                String inside = rest.substring(open + 1, rest.length() - 1);
                List<String> names = StateNames.split(inside);
                boolean authorOfEntry = lastClause && groups.isEmpty() && !inside.matches(".*\\d.*");
                if (names.isEmpty() || !(authorOfEntry || names.stream().allMatch(StateNames::isKnown))) {
                    break;
                }
                groups.add(0, names);
                rest = withoutEndPunctuation(rest.substring(0, open));
            }
            return new ClosingGroups(rest, groups.stream().flatMap(List::stream).toList());
        }

        private static String withoutEndPunctuation(String text) {
            return text.strip().replaceAll("[\\s;.,]+$", "");
        }

        private static int matchingOpen(String text) {
            int depth = 0;
            for (int i = text.length() - 1; i >= 0; i--) {
                char c = text.charAt(i);
                if (c == ')') {
                    depth++;
                } else if (c == '(' && --depth == 0) {
                    return i;
                }
            }
            return -1;
        }
    }
}
