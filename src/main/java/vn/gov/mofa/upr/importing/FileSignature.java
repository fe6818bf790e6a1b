package vn.gov.mofa.upr.importing;

import java.io.IOException;
import java.util.Collections;
import java.util.Locale;

import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * What the name and content of an upload say about its format. Users rename files and browsers
 * send odd names, so the extension alone is not trusted: a ZIP container is never CSV, and an old
 * binary Office file (OLE2) is never CSV either. A file without a usable extension is judged by its content alone.
 */
record FileSignature(String lowerCaseName, byte[] content) {

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    /** @param content the whole upload: it is bounded ({@link ImportLimits}) before anyone looks at it */
    static FileSignature of(String filename, byte[] content) {
        return new FileSignature(filename == null ? "" : filename.strip().toLowerCase(Locale.ROOT),
                content == null ? new byte[0] : content);
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
        return !hasExtension("csv", "txt", "xlsx", "xlsm", "xls", "docx", "doc");
    }

    boolean isZip() {
        return startsWith(content, ZIP);
    }

    static boolean isOle2(byte[] bytes) {
        return startsWith(bytes, OLE2);
    }

    boolean isOle2() {
        return isOle2(content);
    }

    /**
     * An Office file is a ZIP whose parts say what it is ("xl/workbook.xml", "word/document.xml"). They may be
     * stored anywhere in the file (Excel writes "[Content_Types].xml" first), so the ZIP's directory at its end is
     * read: a few kilobytes, nothing unzipped. Part names are case-insensitive in Office files.
     */
    boolean isZipWithPart(String partName) {
        if (!isZip()) {
            return false;
        }
        try (ZipFile zip = ZipFile.builder().setByteArray(content).setIgnoreLocalFileHeader(true).get()) {
            return Collections.list(zip.getEntries()).stream().anyMatch(entry -> entry.getName().equalsIgnoreCase(partName));
        } catch (IOException notAZip) {
            return false;
        }
    }

    /** Text as a CSV holds it, in whatever encoding: no control characters but tabs and line ends. */
    boolean isText() {
        for (byte b : content) {
            boolean control = b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r';
            if (control) {
                return false;
            }
        }
        return content.length > 0;
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
