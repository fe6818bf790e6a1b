package vn.gov.mofa.upr.importing;

/**
 * A problem the user must fix in the file. {@code row} uses the same numbering as {@link ImportRow#line()};
 * 0 means the whole file (unreadable, wrong encoding, missing columns). The message is Vietnamese, names
 * the column and quotes the offending value, and has no "Dòng N" prefix: the screen adds it from {@code row}.
 */
public record RowError(int row, String message) {

    static RowError ofFile(String message) {
        return new RowError(0, message);
    }

    /** A value quoted in a message: its start, so that a huge cell does not make a huge answer. */
    static String shortened(String value) {
        String text = value.strip();
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
