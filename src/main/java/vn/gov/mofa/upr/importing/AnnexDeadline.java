package vn.gov.mofa.upr.importing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deadline as a decision's annex writes it: a year ("Năm 2026") or a quarter ("Quý II/2027") ends on the period's
 * last day, a month ("Tháng 6/2026") on its last day; an ongoing task ("Thường xuyên", "Hằng năm") has none.
 */
final class AnnexDeadline {

    private static final Pattern YEAR = Pattern.compile("(?:năm\\s*)?(\\d{4})", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern QUARTER = Pattern.compile("quý\\s*(IV|III|II|I|[1-4])\\s*[/\\-,]?\\s*(?:năm\\s*)?(\\d{4})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern MONTH = Pattern.compile("tháng\\s*(\\d{1,2})\\s*[/\\-,]?\\s*(?:năm\\s*)?(\\d{4})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final List<String> ONGOING = List.of("thường xuyên", "hằng năm", "hàng năm", "liên tục", "định kỳ");
    private static final List<String> QUARTERS = List.of("I", "II", "III", "IV");

    private AnnexDeadline() {
    }

    /** true for "Thường xuyên" and the like: a task without a deadline. */
    static boolean isOngoing(String text) {
        return ONGOING.contains(text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
    }

    /** The last day of the period the text names, if it names one. */
    static Optional<LocalDate> endOf(String text) {
        String value = text.strip().replaceAll("\\s+", " ");
        Matcher year = YEAR.matcher(value);
        if (year.matches()) {
            return Optional.of(LocalDate.of(Integer.parseInt(year.group(1)), 12, 31));
        }
        Matcher quarter = QUARTER.matcher(value);
        if (quarter.matches()) {
            String q = quarter.group(1).toUpperCase(Locale.ROOT);
            int number = q.matches("\\d") ? Integer.parseInt(q) : QUARTERS.indexOf(q) + 1;
            return Optional.of(YearMonth.of(Integer.parseInt(quarter.group(2)), number * 3).atEndOfMonth());
        }
        Matcher month = MONTH.matcher(value);
        if (month.matches() && Integer.parseInt(month.group(1)) >= 1 && Integer.parseInt(month.group(1)) <= 12) {
            return Optional.of(YearMonth.of(Integer.parseInt(month.group(2)), Integer.parseInt(month.group(1))).atEndOfMonth());
        }
        return Optional.empty();
    }
}
