package vn.gov.mofa.upr.importing;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What the name and first bytes of an upload say about its format. Users rename files and browsers
 * send odd names, so the extension alone is not trusted: a ZIP container is never CSV, and an old
 * binary Office file (OLE2) is never CSV either.
 */
record FileSignature(String lowerCaseName, byte[] firstBytes) {

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    static FileSignature of(String filename, byte[] firstBytes) {
        return new FileSignature(filename == null ? "" : filename.strip().toLowerCase(Locale.ROOT),
                firstBytes == null ? new byte[0] : firstBytes);
    }

    boolean hasExtension(String... extensions) {
        for (String extension : extensions) {
            if (lowerCaseName.endsWith("." + extension)) {
                return true;
            }
        }
        return false;
    }

    boolean hasNoKnownExtension() {
        return !hasExtension("csv", "txt", "xlsx", "xls", "docx", "doc");
    }

    boolean isZip() {
        return startsWith(firstBytes, ZIP);
    }

    static boolean isOle2(byte[] bytes) {
        return startsWith(bytes, OLE2);
    }

    boolean isOle2() {
        return isOle2(firstBytes);
    }

    /** Office ZIPs name their parts ("word/", "xl/") in the local headers near the start. */
    boolean mentions(String partPrefix) {
        return new String(firstBytes, StandardCharsets.ISO_8859_1).contains(partPrefix);
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        if (bytes == null || bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
