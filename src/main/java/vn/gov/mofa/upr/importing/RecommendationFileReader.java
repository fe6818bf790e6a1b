package vn.gov.mofa.upr.importing;

/** Turns one uploaded file into recommendation rows. Implementations are stateless and thread-safe. */
public interface RecommendationFileReader {

    /** The extensions some reader knows: a file with none of them is judged by its content alone. */
    String[] EXTENSIONS = {"csv", "txt", "xlsx", "xlsm", "xls", "docx", "doc"};

    /**
     * true when this reader handles the file, judged by its name's extension and its content (first bytes, the parts
     * of an Office file); by its content alone when the name has no known extension.
     */
    boolean accepts(String filename, byte[] content);

    /**
     * @param cycleParam the cycle given by the user when the file does not say it (may be null)
     * @return never null; never throws for bad content: every problem is a {@link RowError}
     *         (row 0 for file-level problems such as unreadable file, missing columns, wrong encoding)
     */
    ParsedFile read(byte[] content, Integer cycleParam);
}
