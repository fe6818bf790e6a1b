package vn.gov.mofa.upr.importing;

import java.util.List;

/**
 * What an import did, or would do with {@code dryRun}: {@code created} new recommendations (tracked or only
 * registered), {@code updated} ones whose fields changed, {@code unchanged} ones, of which {@code tracked}
 * run a process. Of the file's tracked recommendations, {@code waitingForAssignment} have no confirmed lead agency and
 * task group yet (MOFA assigns them); {@code viaOtherNames} agencies were named by an abbreviation or a pre-2025 name;
 * {@code notesKept} recommendations keep a note such as "các bộ, ngành liên quan". {@code notices} tell per row what
 * the import understood on its own. With any error nothing is written and the counts are zero.
 */
public record ImportReport(int created, int updated, int unchanged, int tracked, int waitingForAssignment,
        int viaOtherNames, int notesKept, boolean dryRun, List<RowError> errors, List<RowNotice> notices) {

    static ImportReport rejected(List<RowError> errors, boolean dryRun) {
        return new ImportReport(0, 0, 0, 0, 0, 0, 0, dryRun, errors, List.of());
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
