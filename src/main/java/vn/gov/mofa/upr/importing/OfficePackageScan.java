package vn.gov.mofa.upr.importing;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.util.XMLHelper;

/**
 * A look through an XLSX or DOCX before POI opens it. POI unzips every part into memory and builds every sheet
 * or table in full, so a small file may ask it for gigabytes; this pass only streams: it reads the parts as POI
 * will (the same zip reader, the same hardened XML factory), counts the table rows that carry a value, and stops
 * as soon as the unzipped parts or the rows pass the limits. POI's own zip-bomb checks still apply afterwards.
 */
final class OfficePackageScan {

    /** Sheet rows with a value or an inline string, in every sheet (POI loads them all). */
    static final OfficePackageScan SHEET_ROWS = new OfficePackageScan("row", Set.of("v", "is"));
    /** Rows of Word tables with any text. */
    static final OfficePackageScan WORD_TABLE_ROWS = new OfficePackageScan("tr", Set.of("t"));

    private final String row;
    private final Set<String> values;

    private OfficePackageScan(String row, Set<String> values) {
        this.row = row;
        this.values = values;
    }

    /**
     * @return the message for the user when the file is over a limit
     * @throws IOException when the file is not a readable zip of XML parts (POI would not read it either)
     */
    Optional<String> refusal(byte[] content, ImportLimits limits) throws IOException {
        Unpacked unpacked = new Unpacked(limits.maxUnpackedSize().toBytes());
        int rows = 0;
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(content))) {
            for (ZipArchiveEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                InputStream part = unpacked.counting(zip);
                if (entry.getName().toLowerCase(Locale.ROOT).endsWith(".xml")) {
                    rows += rowsIn(part, limits.maxRows() - rows, unpacked);
                    if (rows > limits.maxRows()) {
                        return Optional.of(limits.tooManyRows());
                    }
                }
                part.transferTo(OutputStream.nullOutputStream());
                if (unpacked.exceeded) {
                    return Optional.of(limits.tooLargeUnpacked());
                }
            }
        }
        return Optional.empty();
    }

    /** Counts up to {@code allowed} + 1 rows, then stops reading. */
    private int rowsIn(InputStream part, int allowed, Unpacked unpacked) throws IOException {
        int rows = 0;
        boolean rowHasValue = false;
        try {
            XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(part);
            while (xml.hasNext() && rows <= allowed) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && row.equals(xml.getLocalName())) {
                    rowHasValue = false;
                } else if (event == XMLStreamConstants.START_ELEMENT && values.contains(xml.getLocalName())) {
                    rowHasValue = true;
                } else if (event == XMLStreamConstants.END_ELEMENT && row.equals(xml.getLocalName()) && rowHasValue) {
                    rows++;
                }
            }
            xml.close();
        } catch (XMLStreamException broken) {
            if (!unpacked.exceeded) {
                throw new IOException("unreadable XML part", broken);
            }
        }
        return rows;
    }

    /** The bytes unzipped so far; past the limit a part reads as ended, and {@code exceeded} says why. */
    private static final class Unpacked {
        private final long limit;
        private long count;
        private boolean exceeded;

        Unpacked(long limit) {
            this.limit = limit;
        }

        InputStream counting(InputStream part) {
            return new FilterInputStream(part) {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    if (exceeded) {
                        return -1;
                    }
                    int read = super.read(buffer, offset, (int) Math.min(length, limit - count + 1));
                    count += Math.max(read, 0);
                    exceeded = count > limit;
                    return exceeded ? -1 : read;
                }

                @Override
                public void close() {
                    // the zip stream goes on to the next part
                }
            };
        }
    }
}
