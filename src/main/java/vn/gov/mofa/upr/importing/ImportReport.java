package vn.gov.mofa.upr.importing;

import java.util.List;

/**
 * What an import did, or would do with {@code dryRun}: {@code created} new recommendations (tracked or only
 * registered), {@code updated} ones whose fields changed, {@code unchanged} ones, of which {@code tracked}
 * run a process. With any error nothing is written and the counts are zero.
 */
public record ImportReport(int created, int updated, int unchanged, int tracked, boolean dryRun, List<RowError> errors) {

    static ImportReport rejected(List<RowError> errors, boolean dryRun) {
        return new ImportReport(0, 0, 0, 0, dryRun, errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
