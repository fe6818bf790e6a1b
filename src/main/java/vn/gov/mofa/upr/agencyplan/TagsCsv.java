package vn.gov.mofa.upr.agencyplan;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An agency's tagging as a CSV file, one recommendation a line: {@code so} (its number), {@code nhom} (the group's code,
 * empty for none) and optionally {@code chu_ky} (its cycle; the agency's latest when absent). Headings may be written
 * with their accents ("Số", "Nhóm", "Chu kỳ"); comma or semicolon separated, UTF-8 (with or without BOM).
 */
final class TagsCsv {

    /** One line read: its row number in the file (the heading is row 1). */
    record Line(int row, InternalGroups.Key key, String group) {
    }

    /** What was read, or the problems of the file by row. */
    record Reading(List<Line> lines, List<String> errors) {
    }

    static final int MAX_ROWS = 5000;

    private TagsCsv() {
    }

    static Reading read(byte[] content, Integer defaultCycle) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String firstLine = text.lines().findFirst().orElse("");
        char separator = firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
        List<Line> lines = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(separator).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get().parse(new StringReader(text))) {
            Map<String, Integer> headings = new java.util.HashMap<>();
            parser.getHeaderMap().forEach((name, index) -> headings.put(folded(name), index));
            Integer number = headings.get("so");
            Integer group = headings.get("nhom");
            Integer cycle = headings.get("chu_ky");
            if (number == null || group == null) {
                return new Reading(List.of(), List.of("Tệp CSV cần dòng tiêu đề có hai cột 'so' (số khuyến nghị) và 'nhom' "
                        + "(mã nhóm), có thể thêm cột 'chu_ky'."));
            }
            for (CSVRecord record : parser) {
                int row = (int) record.getRecordNumber() + 1;
                if (lines.size() + errors.size() >= MAX_ROWS) {
                    return new Reading(List.of(), List.of("Tệp CSV có quá " + MAX_ROWS + " dòng."));
                }
                String so = value(record, number);
                if (so.isEmpty()) {
                    errors.add("Dòng " + row + ": thiếu số khuyến nghị (cột so).");
                    continue;
                }
                Integer c = defaultCycle;
                String written = cycle == null ? "" : value(record, cycle);
                if (!written.isEmpty()) {
                    try {
                        c = Integer.valueOf(written);
                    } catch (NumberFormatException e) {
                        errors.add("Dòng " + row + ": chu kỳ '" + written + "' không phải là số (cột chu_ky).");
                        continue;
                    }
                }
                if (c == null) {
                    errors.add("Dòng " + row + ": thiếu chu kỳ (cột chu_ky).");
                    continue;
                }
                String code = value(record, group);
                lines.add(new Line(row, new InternalGroups.Key(c, so), code.isEmpty() ? null : code));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            return new Reading(List.of(), List.of("Không đọc được tệp CSV: " + e.getMessage()));
        }
        return new Reading(lines, errors);
    }

    private static String value(CSVRecord record, int index) {
        return index < record.size() ? record.get(index).strip() : "";
    }

    /** "Số" → "so", "Chu kỳ" → "chu_ky": headings as people write them. */
    private static String folded(String heading) {
        String plain = Normalizer.normalize(heading.strip().replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }
}
