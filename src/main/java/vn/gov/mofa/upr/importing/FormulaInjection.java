package vn.gov.mofa.upr.importing;

import java.util.regex.Pattern;

/**
 * Cells that a spreadsheet would run as a formula when the data is exported again and opened in Excel
 * (CSV/formula injection: {@code =HYPERLINK(...)}, {@code +cmd|' /C calc'!A0}, {@code @SUM(...)}).
 * Recommendations flow back out in reports and exports, so such text is refused at the door instead of
 * being escaped everywhere later.
 *
 * <p>The rule, after leading spaces are ignored:
 * <ul>
 *   <li>a value starting with {@code =} or {@code @} is always refused;</li>
 *   <li>a value starting with {@code +} or {@code -} is refused when it holds {@code |} (the DDE command
 *       syntax) or a function call (a name directly followed by "(", as in {@code - HYPERLINK(}); otherwise
 *       it is accepted only in the two shapes people really type:
 *     <ul>
 *       <li>a signed number, alone or followed by a space and words: {@code -5}, {@code +84},
 *           {@code -0,5%}, {@code -5 percent child poverty by 2030};</li>
 *       <li>a list bullet: the sign, a space, then text, as in {@code - Ratify the Convention (No. 29)}
 *           or {@code + Hoàn thiện pháp luật};</li>
 *     </ul>
 *     so {@code -2+3} or {@code -A1*2} are refused;</li>
 *   <li>a cell holding only dashes ("-", meaning "none" in many Vietnamese tables) is fine.</li>
 * </ul>
 */
final class FormulaInjection {

    private static final Pattern ONLY_DASHES = Pattern.compile("[+\\-\\s]+");
    private static final Pattern FUNCTION_CALL = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*\\(");
    private static final Pattern SIGNED_NUMBER_THEN_WORDS = Pattern.compile("[+-]\\d+(?:[.,]\\d+)*%?(?:\\s.*)?",
            Pattern.DOTALL);
    private static final Pattern BULLET = Pattern.compile("[+-]\\s+\\S.*", Pattern.DOTALL);

    private FormulaInjection() {
    }

    static boolean suspects(String value) {
        if (value == null) {
            return false;
        }
        String text = value.stripLeading();
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        if (first == '=' || first == '@') {
            return true;
        }
        if (first != '+' && first != '-' || ONLY_DASHES.matcher(text).matches()) {
            return false;
        }
        if (text.indexOf('|') >= 0 || FUNCTION_CALL.matcher(text).find()) {
            return true;
        }
        return !SIGNED_NUMBER_THEN_WORDS.matcher(text).matches() && !BULLET.matcher(text).matches();
    }
}
