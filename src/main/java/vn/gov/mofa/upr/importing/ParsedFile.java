package vn.gov.mofa.upr.importing;

import java.util.List;

/**
 * What a reader made of one file. A row with any error is left out of {@code rows}, so the import
 * service can show every problem at once and the user fixes the file in one go.
 */
public record ParsedFile(List<ImportRow> rows, List<RowError> errors) {

    public ParsedFile {
        rows = List.copyOf(rows);
        errors = List.copyOf(errors);
    }

    static ParsedFile ofFileError(String message) {
        return new ParsedFile(List.of(), List.of(RowError.ofFile(message)));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
