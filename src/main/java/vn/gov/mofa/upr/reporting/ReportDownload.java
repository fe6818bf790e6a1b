package vn.gov.mofa.upr.reporting;

/** A file as it is sent: its name (ASCII, saying round and edition), type and bytes. */
public record ReportDownload(String fileName, String contentType, byte[] content) {
}
