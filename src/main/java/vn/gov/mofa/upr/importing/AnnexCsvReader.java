package vn.gov.mofa.upr.importing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import vn.gov.mofa.upr.system.FileSignature;

/**
 * Reads an annex saved as CSV. Excel in a Vietnamese or European locale saves with semicolons and
 * "CSV UTF-8" adds a BOM, so both are taken as they come; anything that is not valid UTF-8 is refused
 * rather than guessed, because a wrongly guessed Windows-1258 file silently corrupts Vietnamese text.
 */
public class AnnexCsvReader implements RecommendationFileReader {

    /** As many lines as {@link AnnexTable} searches for the header row. */
    private static final int HEADER_SEARCH = 15;

    private final ImportLimits limits;

    public AnnexCsvReader(ImportLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean accepts(String filename, byte[] content) {
        FileSignature signature = FileSignature.of(filename, content);
        return signature.hasExtension("csv", "txt") && !signature.isZip() && !signature.isOle2()
                || !signature.hasExtension(EXTENSIONS) && signature.isText();
    }

    @Override
    public ParsedFile read(byte[] content, Integer cycleParam) {
        if (content == null || content.length == 0) {
            return ParsedFile.ofFileError("Tệp rỗng: không có dòng tiêu đề và không có khuyến nghị nào.");
        }
        if (FileSignature.isOle2(content) || FileSignature.of("", content).isZip()) {
            return ParsedFile.ofFileError("Tệp không phải CSV mà là tệp Excel/Word: hãy tải lên đúng loại tệp "
                    + "hoặc lưu lại dưới dạng \"CSV UTF-8\".");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return ParsedFile.ofFileError("Tệp không được mã hoá UTF-8 (có thể đang là Windows-1258/1252): "
                    + "hãy mở bằng Excel và lưu lại với kiểu \"CSV UTF-8 (Comma delimited)\".");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            return ParsedFile.ofFileError("Tệp rỗng: không có dòng tiêu đề và không có khuyến nghị nào.");
        }
        return parse(text, cycleParam);
    }

    private ParsedFile parse(String text, Integer cycleParam) {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiterOf(text))
                .setIgnoreEmptyLines(true)
                .get();
        PhysicalLines physicalLines = new PhysicalLines(text);
        List<AnnexLine> lines = new ArrayList<>();
        int rows = 0;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                List<String> values = record.toList();
                if (values.stream().anyMatch(value -> !value.isBlank()) && ++rows > limits.maxRows()) {
                    return ParsedFile.ofFileError(limits.tooManyRows());
                }
                lines.add(new AnnexLine(physicalLines.lineAt(record.getCharacterPosition()),
                        values.stream().map(AnnexCell::ofText).toList()));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException malformed) {
            return ParsedFile.ofFileError("Tệp CSV bị lỗi định dạng (thường do dấu ngoặc kép \" không được đóng) "
                    + "sau dòng " + (lines.isEmpty() ? 1 : lines.get(lines.size() - 1).line()) + ".");
        }
        return AnnexTable.read(lines, List.of(), cycleParam, "Tệp rỗng: không có dòng tiêu đề và không có khuyến nghị nào.");
    }

    /**
     * The header decides. Title lines may come first, so it is the first of the first lines that reads as column titles
     * split at ';' or ','; failing that, the first line, by whichever of the two it uses more often outside quotes.
     */
    private static char delimiterOf(String text) {
        List<String> lines = text.lines().limit(HEADER_SEARCH).toList();
        for (String line : lines) {
            long bySemicolon = knownTitles(line, ";");
            long byComma = knownTitles(line, ",");
            if (Math.max(bySemicolon, byComma) >= 2) {
                return bySemicolon > byComma ? ';' : ',';
            }
        }
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (char c : lines.get(0).toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    private static long knownTitles(String line, String delimiter) {
        return java.util.Arrays.stream(line.split(delimiter)).map(title -> title.replace("\"", ""))
                .map(AnnexColumn::forHeader).flatMap(java.util.Optional::stream).distinct().count();
    }

    /**
     * The line number a text editor shows for a character offset (CRLF, LF and CR all end a line). Records come in
     * file order, so it counts on from the previous record instead of indexing every line of the file.
     */
    private static final class PhysicalLines {
        private final String text;
        private int position;
        private int line = 1;

        PhysicalLines(String text) {
            this.text = text;
        }

        int lineAt(long offset) {
            for (; position < offset; position++) {
                char c = text.charAt(position);
                boolean crBeforeLf = c == '\r' && position + 1 < text.length() && text.charAt(position + 1) == '\n';
                if (!crBeforeLf && (c == '\n' || c == '\r')) {
                    line++;
                }
            }
            return line;
        }
    }
}
