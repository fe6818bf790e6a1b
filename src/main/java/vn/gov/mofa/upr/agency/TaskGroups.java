package vn.gov.mofa.upr.agency;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

/** The six task groups of Decision 1172/QĐ-TTg ({@code data/task-groups.csv}), keyed "1".."6". */
@Component
public class TaskGroups {

    public record TaskGroup(String code, String nameVi, String nameEn) {
    }

    private final Map<String, TaskGroup> byCode = new LinkedHashMap<>();

    public TaskGroups() {
        for (CSVRecord row : AgencyDirectory.readCsv("data/task-groups.csv")) {
            byCode.put(row.get("code"), new TaskGroup(row.get("code"), row.get("name_vi"), row.get("name_en")));
        }
    }

    public Map<String, TaskGroup> all() {
        return byCode;
    }

    public Optional<TaskGroup> byCode(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code.trim()));
    }
}
