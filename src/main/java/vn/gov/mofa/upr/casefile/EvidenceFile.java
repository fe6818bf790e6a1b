package vn.gov.mofa.upr.casefile;

import java.time.Instant;

/**
 * What is known of one evidence file without its content: the recommendation, the step it was uploaded for (task
 * definition key and name, the round's name for a contribution or report), the agency that held that step, who
 * uploaded it and when.
 */
public record EvidenceFile(long id, int cycle, String number, String step, String stepName, String roundName,
        String agency, String fileName, String mediaType, long size, String uploadedBy, Instant uploadedAt) {

    /** The size as people read it: 1,2 MB, 350 kB. */
    public String readableSize() {
        return size >= 1_000_000 ? "%.1f MB".formatted(size / 1_000_000.0).replace('.', ',')
                : Math.max(1, Math.round(size / 1000.0)) + " kB";
    }
}
