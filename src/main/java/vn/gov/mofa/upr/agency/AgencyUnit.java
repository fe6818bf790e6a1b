package vn.gov.mofa.upr.agency;

import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A unit of an agency (đơn vị: a department, a bureau, a provincial branch): the Camunda group {@code <agency>.<code>}
 * of type {@value #GROUP_TYPE}, named with the unit's Vietnamese name. Its people are members of that group only, not
 * of the agency's group: that keeps a unit from seeing the agency's other work.
 */
public record AgencyUnit(String agency, String code, String name) {

    public static final String GROUP_TYPE = "AGENCY_UNIT";
    /** Lower case so that "V03" and "v03" are one unit; the group id must pass the engine's resource pattern. */
    static final Pattern CODE = Pattern.compile("[a-z0-9-]{1,20}");
    static final String CODE_RULE = "1-20 ký tự gồm chữ thường không dấu, chữ số hoặc dấu gạch ngang, ví dụ v03 hoặc ca-hanoi";

    @JsonProperty
    public String groupId() {
        return groupIdOf(agency, code);
    }

    public static String groupIdOf(String agency, String code) {
        return agency + "." + code;
    }

    /** A code as people write it ("V03 ", "C10"): trimmed and in lower case. */
    public static String normalCode(String written) {
        return written == null ? "" : written.strip().toLowerCase(Locale.ROOT);
    }

    public static boolean isValidCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }
}
