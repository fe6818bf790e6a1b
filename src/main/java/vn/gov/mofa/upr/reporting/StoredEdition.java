package vn.gov.mofa.upr.reporting;

import java.time.Instant;

/** What is known of a kept edition without its files: who decided what, when, and the files' names and checksums. */
public record StoredEdition(long id, String roundId, Edition.Kind kind, String decidedBy, String decidedByName,
        Instant decidedAt, String leaderComment, String docxName, String docxSha256, String xlsxName, String xlsxSha256) {
}
