package vn.gov.mofa.upr.importing;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recommendation's number written inside its text, as decisions' annexes do: at the start ("45.12. Tiếp tục ...",
 * "Khuyến nghị 45.12: ...", "(45.12) ...") or in brackets anywhere ("Tiếp tục ... (45.12)"). The number is taken out of
 * the text, so the text reads as the UN wrote it.
 */
record NumberedText(String number, String text) {

    private static final String NUMBER = "(\\d{1,3}\\.\\d{1,3}(?:\\.\\d{1,3})?)";
    private static final Pattern AT_START = Pattern.compile(
            "^(?:(?:khuyến nghị|kn|recommendation)\\s*(?:số\\s*)?)?\\(?" + NUMBER + "\\)?\\s*[:.)–-]?\\s+(\\S.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    private static final Pattern IN_BRACKETS = Pattern.compile(
            "\\s*\\((?:(?:khuyến nghị|kn|số)\\s*)?" + NUMBER + "\\)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    static Optional<NumberedText> of(String text) {
        Matcher start = AT_START.matcher(text);
        if (start.matches()) {
            return Optional.of(new NumberedText(start.group(1), start.group(2).strip()));
        }
        Matcher brackets = IN_BRACKETS.matcher(text);
        if (brackets.find()) {
            String rest = (text.substring(0, brackets.start()) + text.substring(brackets.end())).strip();
            return rest.isEmpty() ? Optional.empty() : Optional.of(new NumberedText(brackets.group(1), rest));
        }
        return Optional.empty();
    }
}
