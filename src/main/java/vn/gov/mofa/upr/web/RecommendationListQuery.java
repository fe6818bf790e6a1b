package vn.gov.mofa.upr.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

import vn.gov.mofa.upr.recommendation.Change;
import vn.gov.mofa.upr.recommendation.RecommendationFilter;
import vn.gov.mofa.upr.recommendation.RecommendationSort;
import vn.gov.mofa.upr.recommendation.Step;

/**
 * The list's question as its address carries it ({@code /recommendations?q=tra+tan&step=assignment&page=2}), so that
 * a list can be bookmarked and mailed. Blank parameters are absent; a value the list does not know is refused with
 * the parameter's name, in Vietnamese.
 */
public record RecommendationListQuery(String q, Integer cycle, String response, String group, String lead,
        String coordinating, String theme, String sdg, String status, Step step, boolean overdue, String waiting,
        boolean tracked, Change change, LocalDate since, RecommendationSort sort, int page) {

    public static final int PAGE_SIZE = 50;

    public static RecommendationListQuery of(java.util.Map<String, String> params) {
        String cycle = blankToNull(params.get("cycle"));
        String step = blankToNull(params.get("step"));
        String sort = blankToNull(params.get("sort"));
        String page = blankToNull(params.get("page"));
        String change = blankToNull(params.get("change"));
        String since = blankToNull(params.get("since"));
        if (change != null && since == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'Thay đổi' cần kèm 'Từ ngày' (since=yyyy-MM-dd).");
        }
        return new RecommendationListQuery(blankToNull(params.get("q")), cycle == null ? null : number(cycle, "Chu kỳ"),
                blankToNull(params.get("response")), blankToNull(params.get("group")), blankToNull(params.get("lead")),
                blankToNull(params.get("coordinating")), blankToNull(params.get("theme")), blankToNull(params.get("sdg")),
                blankToNull(params.get("status")),
                step == null ? null : Step.ofCode(step).orElseThrow(() -> refused("Bước hiện tại", step)),
                "true".equals(params.get("overdue")), blankToNull(params.get("waiting")), "true".equals(params.get("tracked")),
                change == null ? null : Change.ofCode(change).orElseThrow(() -> refused("Thay đổi", change)),
                since == null ? null : day(since, "Từ ngày"),
                sort == null ? RecommendationSort.NUMBER : RecommendationSort.ofCode(sort).orElseThrow(() -> refused("Sắp xếp", sort)),
                page == null ? 1 : Math.max(1, number(page, "Trang")));
    }

    public RecommendationFilter filter(List<String> visibleAgencies) {
        return new RecommendationFilter(cycle, null, group, status, theme, sdg, q, response, lead, coordinating, step,
                overdue, waiting, tracked, change, since, visibleAgencies);
    }

    /** This query's address for another page (1-based); {@code path} is the list or one of its exports. */
    public String link(String path, int toPage) {
        var uri = UriComponentsBuilder.fromPath(path);
        add(uri, "q", q);
        add(uri, "cycle", cycle);
        add(uri, "response", response);
        add(uri, "group", group);
        add(uri, "lead", lead);
        add(uri, "coordinating", coordinating);
        add(uri, "theme", theme);
        add(uri, "sdg", sdg);
        add(uri, "status", status);
        add(uri, "step", step == null ? null : step.code());
        add(uri, "overdue", overdue ? "true" : null);
        add(uri, "waiting", waiting);
        add(uri, "tracked", tracked ? "true" : null);
        add(uri, "change", change == null ? null : change.code());
        add(uri, "since", since);
        add(uri, "sort", sort == RecommendationSort.NUMBER ? null : sort.code());
        add(uri, "page", toPage > 1 ? toPage : null);
        return uri.build().encode().toUriString();
    }

    /** The same question, all pages: what an export holds. */
    public String export(String format) {
        return link("/recommendations/export." + format, 1);
    }

    private static void add(UriComponentsBuilder uri, String name, Object value) {
        if (value != null) {
            uri.queryParam(name, value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static int number(String value, String field) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw refused(field, value);
        }
    }

    private static LocalDate day(String value, String field) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw refused(field, value);
        }
    }

    private static ResponseStatusException refused(String field, String value) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, "'" + field + "' không nhận giá trị '" + value + "'.");
    }
}
