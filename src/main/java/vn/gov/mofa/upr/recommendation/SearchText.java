package vn.gov.mofa.upr.recommendation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text as the list's search compares it: lower case, without accents, so that "tra tan" finds "tra tấn" and
 * "Tra Tấn" finds it too. Vietnamese đ is a letter of its own, not d with a mark: it is folded by hand.
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SearchText() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return SPACES.matcher(MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D')
                .toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** What a recommendation's words are found in: both texts (its number is searched as a number). */
    static String of(String text, String textVi) {
        return fold(text + " " + (textVi == null ? "" : textVi));
    }
}
