package vn.gov.mofa.upr.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** A file format of the consolidated report (the Word draft, the Excel workbook). */
public interface ReportFile {

    String contentType();

    void write(ConsolidatedReport report, OutputStream out) throws IOException;

    default byte[] bytesOf(ConsolidatedReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
