package vn.gov.mofa.upr.notification;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What MOFA looks for in the outbox, as the address carries it ({@code /notifications?status=FAILED&kind=new-task
 * &to=moit&from=2027-03-01&until=2027-03-31&page=2}), so that a search can be bookmarked and sent to a colleague.
 * Blank parameters are absent; a value the outbox does not know is refused in Vietnamese, naming the field.
 *
 * @param to    part of the recipient's address or user id, any case
 * @param from  the first day (zone {@code upr.zone}) the mails were written, inclusive
 * @param until the last day, inclusive
 */
public record OutboxQuery(MailOutbox.Status status, MailKind kind, String to, LocalDate from, LocalDate until, int page) {

    public static final int PAGE_SIZE = 50;
    static final int MAX_RECIPIENT = 320;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public static OutboxQuery of(Map<String, String> params) {
        String status = blankToNull(params.get("status"));
        String kind = blankToNull(params.get("kind"));
        String to = blankToNull(params.get("to"));
        String from = blankToNull(params.get("from"));
        String until = blankToNull(params.get("until"));
        String page = blankToNull(params.get("page"));
        if (to != null && to.length() > MAX_RECIPIENT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "'Người nhận' dài quá " + MAX_RECIPIENT + " ký tự: nhập một phần địa chỉ thư hoặc tên đăng nhập.");
        }
        OutboxQuery query = new OutboxQuery(status == null ? null : status(status), kind == null ? null : kind(kind), to,
                from == null ? null : day(from, "Từ ngày"), until == null ? null : day(until, "Đến ngày"),
                page == null ? 1 : page(page));
        if (query.from != null && query.until != null && query.until.isBefore(query.from)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'Đến ngày' (" + DAY.format(query.until)
                    + ") trước 'Từ ngày' (" + DAY.format(query.from) + "): chọn lại khoảng ngày.");
        }
        return query;
    }

    /** The first page of everything. */
    public static OutboxQuery all() {
        return new OutboxQuery(null, null, null, null, null, 1);
    }

    /** This query's address for another page (1-based). */
    public String link(int toPage) {
        var uri = UriComponentsBuilder.fromPath("/notifications");
        add(uri, "status", status == null ? null : status.name());
        add(uri, "kind", kind == null ? null : kind.template());
        add(uri, "to", to);
        add(uri, "from", from);
        add(uri, "until", until);
        add(uri, "page", toPage > 1 ? toPage : null);
        return uri.build().encode().toUriString();
    }

    /** Whether anything narrows the list (the page then offers to clear it). */
    public boolean narrowed() {
        return status != null || kind != null || to != null || from != null || until != null;
    }

    private static void add(UriComponentsBuilder uri, String name, Object value) {
        if (value != null) {
            uri.queryParam(name, value);
        }
    }

    private static MailOutbox.Status status(String value) {
        try {
            return MailOutbox.Status.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw refused("Trạng thái", value, Arrays.stream(MailOutbox.Status.values())
                    .map(status -> status.name() + " (" + status.label() + ")").collect(Collectors.joining(", ")));
        }
    }

    private static MailKind kind(String value) {
        return MailKind.of(value.toLowerCase(Locale.ROOT)).orElseThrow(() -> refused("Loại thư", value, Arrays
                .stream(MailKind.values()).map(kind -> kind.template() + " (" + kind.label() + ")").collect(Collectors.joining(", "))));
    }

    private static LocalDate day(String value, String field) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "'" + field + "' không nhận giá trị '" + value + "': cần một ngày dạng năm-tháng-ngày, ví dụ 2027-03-31.");
        }
    }

    private static int page(String value) {
        try {
            return Math.max(1, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'Trang' không nhận giá trị '" + value + "': cần một số.");
        }
    }

    private static ResponseStatusException refused(String field, String value, String choices) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST,
                "'" + field + "' không nhận giá trị '" + value + "'. Chọn một trong: " + choices + ".");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
