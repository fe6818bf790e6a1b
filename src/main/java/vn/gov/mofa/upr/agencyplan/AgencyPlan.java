package vn.gov.mofa.upr.agencyplan;

import java.time.LocalDate;
import java.util.List;

import vn.gov.mofa.upr.agency.Agency;

/**
 * An agency's own implementation plan of one cycle, in the shape of MPS's Plan 566/KH-BCA-V02: its recommendations
 * under its own groups, each with the units responsible, the focal point, the tasks, the deadlines and the expected
 * output.
 */
record AgencyPlan(Agency agency, int cycle, LocalDate on, List<Section> sections) {

    record Section(InternalGroup group, List<Row> rows) {
    }

    /**
     * One recommendation: {@code role} "Chủ trì" or "Phối hợp (chủ trì: Bộ Tư pháp)"; {@code units} the units it was
     * delegated to, or the agency itself as focal point; {@code deadline} the units' internal deadline and the plan's.
     */
    record Row(String number, String text, String role, List<String> units, String focalPoint, String tasks,
            String deadline, String expectedOutput, boolean planApproved) {
    }

    int size() {
        return sections.stream().mapToInt(s -> s.rows().size()).sum();
    }

    /** "KẾ HOẠCH triển khai thực hiện ... chu kỳ IV ... của Bộ Công an", the second half. */
    String subject() {
        return "Triển khai thực hiện các khuyến nghị UPR chu kỳ " + roman(cycle) + " Việt Nam chấp thuận của " + agency.nameVi();
    }

    static String roman(int cycle) {
        String[] numerals = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
        return cycle > 0 && cycle < numerals.length ? numerals[cycle] : String.valueOf(cycle);
    }
}
