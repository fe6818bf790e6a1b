package vn.gov.mofa.upr.agency;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV of units and their people, one person a row ({@value #HEADER}); a row without a person makes the unit alone.
 * Excel saves it with ";" in a Vietnamese locale and "CSV UTF-8" adds a BOM: both are taken as they come. A file that
 * is not UTF-8 is refused rather than guessed, as the annex import does.
 */
final class UnitRosterFile {

    static final String HEADER = "ma_don_vi,ten_don_vi,ten_dang_nhap,ho_ten,email";
    static final List<String> COLUMNS = List.of(HEADER.split(","));
    static final int MAX_ROWS = 2000;
    static final int MAX_BYTES = 1024 * 1024;

    /** One row as written, with its line in the file (the header is line 1). */
    record Row(int line, String unitCode, String unitName, String userId, String fullName, String email) {

        boolean hasPerson() {
            return !(userId.isEmpty() && fullName.isEmpty() && email.isEmpty());
        }
    }

    /** The rows, or the one reason the whole file cannot be read. */
    record Reading(List<Row> rows, String fileError) {
    }

    private UnitRosterFile() {
    }

    static Reading read(byte[] content) {
        if (content == null || content.length == 0) {
            return refused("Tệp rỗng: cần dòng tiêu đề " + HEADER + " và ít nhất một dòng đơn vị.");
        }
        if (content.length > MAX_BYTES) {
            return refused("Tệp lớn quá 1 MB: hãy chia thành nhiều tệp.");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            return refused("Tệp không được mã hoá UTF-8 (có thể đang là Windows-1258/1252): hãy mở bằng Excel và lưu lại"
                    + " với kiểu \"CSV UTF-8 (Comma delimited)\".");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            return refused("Tệp rỗng: cần dòng tiêu đề " + HEADER + " và ít nhất một dòng đơn vị.");
        }
        return parse(text);
    }

    private static Reading parse(String text) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiterOf(text)).setIgnoreEmptyLines(true).get();
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> columns = null;
        int line = 1;
        int position = 0;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                for (; position < record.getCharacterPosition(); position++) {
                    if (text.charAt(position) == '\n') {
                        line++;
                    }
                }
                if (columns == null) {
                    columns = columnsOf(record);
                    List<String> missing = COLUMNS.stream().filter(Predicate.not(columns::containsKey)).toList();
                    if (!missing.isEmpty()) {
                        return refused("Dòng " + line + ": thiếu cột " + String.join(", ", missing) + ". Dòng tiêu đề cần có "
                                + HEADER + " (tải tệp mẫu để xem).");
                    }
                    continue;
                }
                if (record.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (rows.size() == MAX_ROWS) {
                    return refused("Tệp có quá " + MAX_ROWS + " dòng: hãy chia thành nhiều tệp.");
                }
                rows.add(new Row(line, cell(record, columns, 0), cell(record, columns, 1), cell(record, columns, 2),
                        cell(record, columns, 3), cell(record, columns, 4)));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException malformed) {
            return refused("Tệp CSV bị lỗi định dạng (thường do dấu ngoặc kép \" không được đóng) sau dòng " + line + ".");
        }
        if (rows.isEmpty()) {
            return refused("Tệp không có dòng đơn vị nào dưới dòng tiêu đề.");
        }
        return new Reading(rows, null);
    }

    private static Map<String, Integer> columnsOf(CSVRecord header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        return columns;
    }

    private static String cell(CSVRecord record, Map<String, Integer> columns, int column) {
        int index = columns.get(COLUMNS.get(column));
        return index < record.size() ? record.get(index).strip() : "";
    }

    /** The header's: whichever of ';' and ',' it uses more often outside quotes. */
    private static char delimiterOf(String text) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (char c : text.lines().filter(line -> !line.isBlank()).findFirst().orElse("").toCharArray()) {
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

    private static Reading refused(String reason) {
        return new Reading(List.of(), reason);
    }

    /** The template offered for download: the header and two example rows, UTF-8 with a BOM so that Excel reads it right. */
    static byte[] template() {
        String text = "\uFEFF" + HEADER + "\r\n"
                + "v03,\"Cục Pháp chế và cải cách hành chính, tư pháp (V03)\",nguyen.van.an,Nguyễn Văn An,an.nv@example.gov.vn\r\n"
                + "ca-hanoi,Công an thành phố Hà Nội,,,\r\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
