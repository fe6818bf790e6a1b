package vn.gov.mofa.upr.system;

import java.io.IOException;
import java.util.Collections;
import java.util.Locale;

import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * What the name and content of an upload say about its format. Users rename files and browsers
 * send odd names, so the extension alone is not trusted: a ZIP container is never CSV, an old
 * binary Office file (OLE2) is never CSV either, and a PDF starts with "%PDF-". The import judges a file without a
 * usable extension by its content alone; evidence files must have an extension their content matches.
 */
public record FileSignature(String lowerCaseName, byte[] content) {

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    /** @param content the whole upload: it is bounded (the import's or the evidence's limit) before anyone looks at it */
    public static FileSignature of(String filename, byte[] content) {
        return new FileSignature(filename == null ? "" : filename.strip().toLowerCase(Locale.ROOT),
                content == null ? new byte[0] : content);
    }

    public boolean hasExtension(String... extensions) {
        for (String extension : extensions) {
            if (lowerCaseName.endsWith("." + extension)) {
                return true;
            }
        }
        return false;
    }

    /** The extension of the name, lower case, without the dot; empty when there is none. */
    public String extension() {
        int dot = lowerCaseName.lastIndexOf('.');
        return dot < 0 || lowerCaseName.indexOf('/', dot) >= 0 ? "" : lowerCaseName.substring(dot + 1);
    }

    public boolean isZip() {
        return startsWith(content, ZIP);
    }

    public static boolean isOle2(byte[] bytes) {
        return startsWith(bytes, OLE2);
    }

    public boolean isOle2() {
        return isOle2(content);
    }

    public boolean isPdf() {
        return startsWith(content, PDF);
    }

    public boolean isPng() {
        return startsWith(content, PNG);
    }

    public boolean isJpeg() {
        return startsWith(content, JPEG);
    }

    /**
     * An Office file is a ZIP whose parts say what it is ("xl/workbook.xml", "word/document.xml"). They may be
     * stored anywhere in the file (Excel writes "[Content_Types].xml" first), so the ZIP's directory at its end is
     * read: a few kilobytes, nothing unzipped. Part names are case-insensitive in Office files.
     */
    public boolean isZipWithPart(String partName) {
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
    public boolean isText() {
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
