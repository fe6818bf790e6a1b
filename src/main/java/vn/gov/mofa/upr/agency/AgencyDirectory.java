package vn.gov.mofa.upr.agency;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The agencies of {@code data/agencies.csv} by code; {@link AgencyNames} reads them in the ways files name them. */
@Component
public class AgencyDirectory {

    private final Map<String, Agency> byCode = new LinkedHashMap<>();

    public AgencyDirectory() {
        for (CSVRecord row : readCsv("data/agencies.csv")) {
            Agency agency = new Agency(row.get("code"), row.get("name_vi"), row.get("name_en"), row.get("kind"));
            byCode.put(agency.code(), agency);
        }
    }

    public Collection<Agency> all() {
        return byCode.values();
    }

    public Optional<Agency> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** Vietnamese names of comma-separated agency codes, for forms and documents. */
    public String namesOf(String commaSeparatedCodes) {
        return codesOf(commaSeparatedCodes).stream()
                .map(code -> byCode(code).map(Agency::nameVi).orElse(code))
                .collect(Collectors.joining(", "));
    }

    /** Agency codes as forms and files send them: "mps, moj", "mps;moj" or a JSON array from a taglist. */
    public static List<String> codesOf(Object codes) {
        if (codes == null) {
            return List.of();
        }
        return Arrays.stream(codes.toString().replaceAll("[\\[\\]\"]", "").split("[,;]"))
                .map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    static List<CSVRecord> readCsv(String classpathLocation) {
        try (var reader = new InputStreamReader(new ClassPathResource(classpathLocation).getInputStream(), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + classpathLocation, e);
        }
    }
}
