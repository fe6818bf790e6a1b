package vn.gov.mofa.upr.importing;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An annex table once the file format is out of the way: a header row and data rows of cells. Holds
 * every rule about columns and values, so the CSV and XLSX readers only differ in how they get cells.
 */
final class AnnexTable {

    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT));
    private static final Pattern TASK_GROUP = Pattern.compile("(?:nhóm|group)?\\s*([1-6])(?:\\.0)?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern CYCLE = Pattern.compile("\\d{1,2}(?:\\.0)?");
    private static final List<String> ROMAN_CYCLES = List.of("I", "II", "III", "IV", "V", "VI", "VII", "VIII");
    private static final int HEADER_SEARCH = 15;
    private static final Pattern HEADING = Pattern.compile("^(?:[IVXLC]+|[A-Z])[.)]\\s+\\S|^nhóm\\s",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern GROUP_HEADING = Pattern.compile("nhóm(?:\\s+nhiệm\\s+vụ)?\\s*(?:số\\s*)?([1-6])(?!\\d)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final Map<AnnexColumn, Integer> positions;
    private final Map<AnnexColumn, String> titles;
    private final FileCycle fileCycle;

    private AnnexTable(Map<AnnexColumn, Integer> positions, Map<AnnexColumn, String> titles, FileCycle fileCycle) {
        this.positions = positions;
        this.titles = titles;
        this.fileCycle = fileCycle;
    }

    /**
     * The cycle of every row without a cycle of its own: the one chosen at upload, else the one the titles name.
     *
     * @param value null when neither says
     * @param said  where it comes from, for a row whose cycle column differs
     */
    private record FileCycle(Integer value, String said) {
    }

    /**
     * Reads a sheet as ministries send it: title lines, blank rows and merged title cells above the header row, which
     * is the first of the first {@value #HEADER_SEARCH} non-blank rows with two known column titles or the text's
     * (otherwise the first non-blank row, whose titles the "missing column" error then lists). The cycle named first
     * in the document's title ({@code titles}, then the rows above the header: "... chu kỳ IV") is the rows' cycle when
     * none was chosen; one that differs from the chosen one refuses the file. File-level problems come back as row-0
     * errors.
     *
     * @param titles what the document says above the table outside it (a Word document's paragraphs), in order
     */
    static ParsedFile read(List<AnnexLine> rows, List<String> titles, Integer cycleParam, String whenEmpty) {
        List<AnnexLine> filled = rows.stream().filter(line -> !line.isBlank()).toList();
        if (filled.isEmpty()) {
            return ParsedFile.ofFileError(whenEmpty);
        }
        AnnexLine header = filled.stream().limit(HEADER_SEARCH).filter(AnnexTable::looksLikeHeader).findFirst()
                .orElse(filled.get(0));
        List<String> above = new ArrayList<>(titles);
        rows.subList(0, rows.indexOf(header)).forEach(line -> line.cells().forEach(cell -> above.add(cell.text())));
        Optional<ReviewCycleMention> named = ReviewCycleMention.in(above);
        if (named.isPresent() && cycleParam != null && named.get().cycle() != cycleParam) {
            return ParsedFile.ofFileError(("Tiêu đề của tệp ghi \"%s\" (chu kỳ %d) nhưng khi tải lên đã chọn chu kỳ %d. "
                    + "Hãy để trống ô chu kỳ hoặc chọn chu kỳ %d; nếu tiêu đề ghi sai, hãy sửa tiêu đề rồi nhập lại.")
                    .formatted(named.get().words(), named.get().cycle(), cycleParam, named.get().cycle()));
        }
        FileCycle fileCycle = cycleParam != null ? new FileCycle(cycleParam, "đã chọn khi tải lên")
                : named.map(mention -> new FileCycle(mention.cycle(), "mà tiêu đề của tệp ghi (\"%s\")".formatted(mention.words())))
                        .orElse(new FileCycle(null, null));
        return read(header.cells().stream().map(AnnexCell::text).toList(),
                rows.subList(rows.indexOf(header) + 1, rows.size()), fileCycle);
    }

    /** true when one of the first rows heads an annex table: the text's column and another known one. */
    static boolean hasHeader(List<AnnexLine> rows) {
        return rows.stream().filter(line -> !line.isBlank()).limit(HEADER_SEARCH).anyMatch(line ->
                looksLikeHeader(line) && line.cells().stream().anyMatch(cell -> AnnexColumn.forHeader(cell.text())
                        .filter(AnnexColumn.TEXT::equals).isPresent()));
    }

    private static boolean looksLikeHeader(AnnexLine line) {
        List<AnnexColumn> known = line.cells().stream().map(cell -> AnnexColumn.forHeader(cell.text()))
                .flatMap(Optional::stream).toList();
        return known.size() >= 2 || known.contains(AnnexColumn.TEXT);
    }

    private static ParsedFile read(List<String> header, List<AnnexLine> lines, FileCycle fileCycle) {
        Map<AnnexColumn, Integer> positions = new EnumMap<>(AnnexColumn.class);
        Map<AnnexColumn, String> titles = new EnumMap<>(AnnexColumn.class);
        for (int i = 0; i < header.size(); i++) {
            String title = header.get(i) == null ? "" : header.get(i).strip();
            Optional<AnnexColumn> column = AnnexColumn.forHeader(title);
            if (column.isEmpty()) {
                continue;
            }
            if (positions.containsKey(column.get())) {
                return ParsedFile.ofFileError("Cột \"%s\" và cột \"%s\" cùng mang ý nghĩa %s: chỉ giữ một cột."
                        .formatted(titles.get(column.get()), title, column.get().key()));
            }
            positions.put(column.get(), i);
            titles.put(column.get(), title);
        }
        // without a number column, the number is read from the start of the text ("45.12. Tiếp tục ...")
        boolean numbersInText = positions.containsKey(AnnexColumn.TEXT);
        List<String> missing = Arrays.stream(AnnexColumn.values())
                .filter(column -> column.required() && !positions.containsKey(column))
                .filter(column -> column != AnnexColumn.NUMBER || !numbersInText)
                .map(AnnexColumn::key)
                .toList();
        if (!missing.isEmpty()) {
            return ParsedFile.ofFileError("Thiếu cột bắt buộc: %s. Dòng tiêu đề đang có: %s."
                    .formatted(String.join(", ", missing), header.stream()
                            .filter(title -> title != null && !title.isBlank())
                            .map(title -> "\"" + title.strip() + "\"")
                            .collect(Collectors.joining(", "))));
        }
        List<AnnexLine> dataLines = lines.stream().filter(line -> !line.isBlank()).toList();
        if (dataLines.isEmpty()) {
            return ParsedFile.ofFileError("Tệp chỉ có dòng tiêu đề, không có khuyến nghị nào.");
        }
        return new AnnexTable(positions, titles, fileCycle).readLines(dataLines);
    }

    private ParsedFile readLines(List<AnnexLine> lines) {
        List<ImportRow> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        Map<String, Integer> firstLineOfNumber = new HashMap<>();
        String groupAbove = null;
        for (AnnexLine line : lines) {
            Optional<String> heading = heading(line);
            if (heading.isPresent()) {
                Matcher group = GROUP_HEADING.matcher(heading.get());
                groupAbove = group.find() ? group.group(1) : groupAbove;
                continue;
            }
            RowReading reading = new RowReading(line, groupAbove);
            ImportRow row = reading.toRow();
            if (row != null) {
                Integer earlier = firstLineOfNumber.putIfAbsent(row.cycle() + "/" + row.number(), line.line());
                if (earlier != null) {
                    reading.problem("Số khuyến nghị \"%s\" bị lặp: đã có ở dòng %d, lặp lại ở dòng %d (cột %s)."
                            .formatted(row.number(), earlier, line.line(), titles.get(AnnexColumn.NUMBER)));
                    row = null;
                }
            }
            if (row != null) {
                rows.add(row);
            }
            reading.problems.forEach(message -> errors.add(new RowError(line.line(), message)));
        }
        return new ParsedFile(rows, errors);
    }

    /**
     * A row that heads the rows under it rather than being a recommendation: one text (spanning the table or alone in
     * its row), numbered like a heading ("I. Nhóm nhiệm vụ 1: ...", "A. Quyền dân sự") and with no recommendation number.
     */
    private Optional<String> heading(AnnexLine line) {
        List<String> texts = line.cells().stream().map(cell -> cell.text().strip()).filter(text -> !text.isEmpty())
                .distinct().toList();
        if (texts.size() != 1 || !HEADING.matcher(texts.get(0)).find() || NumberedText.of(texts.get(0)).isPresent()) {
            return Optional.empty();
        }
        Integer number = positions.get(AnnexColumn.NUMBER);
        return number != null && !line.cell(number).text().isBlank() ? Optional.empty() : Optional.of(texts.get(0));
    }

    /** Reading one data line; collects every problem of the line rather than stopping at the first. */
    private final class RowReading {
        private final AnnexLine line;
        private final String groupAbove;
        private final List<String> problems = new ArrayList<>();

        /** @param groupAbove the task group of the heading above the line ("I. Nhóm nhiệm vụ 1"), or null */
        RowReading(AnnexLine line, String groupAbove) {
            this.line = line;
            this.groupAbove = groupAbove;
        }

        void problem(String message) {
            problems.add(message);
        }

        ImportRow toRow() {
            positions.keySet().forEach(this::refuseFormula);
            if (!problems.isEmpty()) {
                return null;
            }
            String number = text(AnnexColumn.NUMBER);
            String text = text(AnnexColumn.TEXT);
            if (number == null && text != null) {
                Optional<NumberedText> numbered = NumberedText.of(text);
                number = numbered.map(NumberedText::number).orElse(null);
                text = numbered.map(NumberedText::text).orElse(text);
            }
            if (number == null) {
                problem(positions.containsKey(AnnexColumn.NUMBER)
                        ? "Thiếu số khuyến nghị (cột %s).".formatted(titles.get(AnnexColumn.NUMBER))
                        : ("Thiếu số khuyến nghị: tệp không có cột số hiệu và nội dung không ghi số (ví dụ "
                                + "\"45.12. Tiếp tục ...\" hoặc \"... (45.12)\")."));
            }
            if (text == null) {
                problem("Thiếu nội dung khuyến nghị (cột %s).".formatted(titles.get(AnnexColumn.TEXT)));
            }
            Response response = response();
            Integer cycle = cycle();
            String taskGroup = taskGroup();
            LocalDate planDueDate = date(AnnexColumn.PLAN_DUE_DATE);
            LocalDate dueDate = date(AnnexColumn.DUE_DATE);
            String ongoing = Optional.ofNullable(text(AnnexColumn.DUE_DATE)).filter(AnnexDeadline::isOngoing).orElse(null);
            if (!problems.isEmpty()) {
                return null;
            }
            return new ImportRow(line.line(), cycle, number, text, text(AnnexColumn.TEXT_VI),
                    list(AnnexColumn.RECOMMENDING_STATES, true), response, null,
                    list(AnnexColumn.THEMES, false), list(AnnexColumn.SDGS, true),
                    list(AnnexColumn.AFFECTED_PERSONS, true), taskGroup, text(AnnexColumn.LEAD_AGENCY),
                    text(AnnexColumn.COORDINATING_AGENCIES), planDueDate, dueDate, ongoing);
        }

        private void refuseFormula(AnnexColumn column) {
            AnnexCell cell = cell(column);
            if (cell.formula() != null) {
                problem("Ô ở cột %s là ô công thức (=%s): công thức không được phép, hãy dán giá trị thay cho công thức."
                        .formatted(titles.get(column), cell.formula()));
            } else if (FormulaInjection.suspects(cell.text())) {
                problem("Ô ở cột %s bắt đầu như một công thức (\"%s\"): công thức không được phép."
                        .formatted(titles.get(column), RowError.shortened(cell.text())));
            }
        }

        private AnnexCell cell(AnnexColumn column) {
            Integer position = positions.get(column);
            return position == null ? AnnexCell.EMPTY : line.cell(position);
        }

        /** Trimmed, NFC text, or null when the column is absent or the cell empty. */
        private String text(AnnexColumn column) {
            String text = Normalizer.normalize(cell(column).text(), Normalizer.Form.NFC).strip();
            return text.isEmpty() ? null : text;
        }

        private Response response() {
            String wording = text(AnnexColumn.RESPONSE);
            Optional<Response> response = Response.fromWording(wording);
            if (response.isEmpty()) {
                problem(("Trả lời \"%s\" không hợp lệ (cột %s): dùng Supported/Chấp thuận/Ủng hộ, "
                        + "Noted/Ghi nhận, hoặc để trống.").formatted(wording, titles.get(AnnexColumn.RESPONSE)));
                return null;
            }
            return response.get();
        }

        /** The row's own cycle, which must agree with the file's; else the file's. */
        private Integer cycle() {
            String value = text(AnnexColumn.CYCLE);
            if (value == null) {
                if (fileCycle.value() == null) {
                    problem("Không rõ chu kỳ UPR: tệp không ghi chu kỳ (cột cycle hoặc tiêu đề như \"chu kỳ IV\") và "
                            + "chưa chọn chu kỳ khi tải lên.");
                }
                return fileCycle.value();
            }
            Integer cycle = null;
            if (CYCLE.matcher(value).matches() && Double.parseDouble(value) >= 1) {
                cycle = (int) Double.parseDouble(value);
            } else if (ROMAN_CYCLES.contains(value.toUpperCase(Locale.ROOT))) {
                cycle = ROMAN_CYCLES.indexOf(value.toUpperCase(Locale.ROOT)) + 1;
            } else {
                problem("Chu kỳ \"%s\" không hợp lệ (cột %s): phải là số, ví dụ 4 hoặc IV."
                        .formatted(value, titles.get(AnnexColumn.CYCLE)));
            }
            if (cycle != null && fileCycle.value() != null && !cycle.equals(fileCycle.value())) {
                problem("Chu kỳ \"%s\" (cột %s) khác với chu kỳ %d %s: sửa chu kỳ của dòng hoặc của tệp."
                        .formatted(value, titles.get(AnnexColumn.CYCLE), fileCycle.value(), fileCycle.said()));
                return null;
            }
            return cycle;
        }

        private String taskGroup() {
            String value = text(AnnexColumn.TASK_GROUP);
            if (value == null) {
                return groupAbove;
            }
            Matcher matcher = TASK_GROUP.matcher(value);
            if (matcher.matches()) {
                return matcher.group(1);
            }
            problem("Nhóm nhiệm vụ \"%s\" không hợp lệ (cột %s): phải là số từ 1 đến 6."
                    .formatted(value, titles.get(AnnexColumn.TASK_GROUP)));
            return null;
        }

        private LocalDate date(AnnexColumn column) {
            AnnexCell cell = cell(column);
            if (cell.date() != null) {
                return cell.date();
            }
            String value = text(column);
            if (value == null) {
                return null;
            }
            for (DateTimeFormatter format : DATE_FORMATS) {
                try {
                    return LocalDate.parse(value, format);
                } catch (DateTimeParseException notThisFormat) {
                    // try the next accepted format
                }
            }
            if (AnnexDeadline.isOngoing(value)) {
                return null;
            }
            Optional<LocalDate> period = AnnexDeadline.endOf(value);
            if (period.isPresent()) {
                return period.get();
            }
            problem(("Ngày \"%s\" không hợp lệ (cột %s): dùng dạng dd/MM/yyyy, yyyy-MM-dd, \"Năm 2026\", "
                    + "\"Quý II/2027\", \"Tháng 6/2026\" hoặc \"Thường xuyên\".").formatted(value, titles.get(column)));
            return null;
        }

        /**
         * Semicolons separate items when the cell has any, because names such as "Korea, Republic of" or
         * "Economic, social & cultural rights" carry commas; otherwise commas do (except for themes).
         */
        private List<String> list(AnnexColumn column, boolean commaSeparates) {
            String value = text(column);
            if (value == null) {
                return List.of();
            }
            String separators = value.contains(";") || !commaSeparates ? "[;\\n]" : "[,\\n]";
            return Arrays.stream(value.split(separators))
                    .map(String::strip)
                    .filter(item -> !item.isEmpty() && !item.matches("-+"))
                    .distinct()
                    .toList();
        }
    }
}
