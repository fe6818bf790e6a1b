package vn.gov.mofa.upr.agencyplan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;
import vn.gov.mofa.upr.agency.Agency;
import vn.gov.mofa.upr.agencyplan.AgencyShare.Item;
import vn.gov.mofa.upr.recommendation.RecommendationNumber;
import vn.gov.mofa.upr.reporting.ReportFileNames;
import vn.gov.mofa.upr.security.CurrentUser;

/**
 * An agency's own grouping, plan document and progress view for programs and the pages' scripts: reads for its focal
 * points, its leaders and MOFA ({@link AgencyAccess}); changes of the grouping for its focal points only.
 */
@RestController
class AgencyPlanApi {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,15}");
    static final int MAX_NAME = 500;
    static final int MAX_TAGGED = 1000;
    static final int MAX_CSV_BYTES = 1024 * 1024;
    static final int ERRORS_SHOWN = 50;

    /** A group's name, as the page sends it. */
    record GroupName(String name) {
    }

    /** Recommendations to put in one group ({@code group} null or empty: in none). */
    record Tagging(String group, List<InternalGroups.Key> items) {
    }

    /** The agency's groups with how many recommendations each has, and the group of each tagged recommendation. */
    record Grouping(String agency, List<GroupCount> groups, List<Tag> tags) {
    }

    record GroupCount(String code, String name, long recommendations) {
    }

    record Tag(int cycle, String number, String group) {
    }

    private final AgencyAccess access;
    private final InternalGroups groups;
    private final AgencyShare share;
    private final AgencyProgressQueries progress;
    private final AgencyPlans plans;
    private final AgencyPlanDocument document;
    private final AgencyPlanWorkbook workbook;

    AgencyPlanApi(AgencyAccess access, InternalGroups groups, AgencyShare share, AgencyProgressQueries progress,
            AgencyPlans plans, AgencyPlanDocument document, AgencyPlanWorkbook workbook) {
        this.access = access;
        this.groups = groups;
        this.share = share;
        this.progress = progress;
        this.plans = plans;
        this.document = document;
        this.workbook = workbook;
    }

    @GetMapping("/api/agencies/{agency}/groups")
    Grouping grouping(@PathVariable String agency, HttpServletRequest request) {
        Agency a = access.readable(agency, CurrentUser.of(request));
        Map<InternalGroups.Key, String> tags = groups.tagsOf(a.code());
        Map<String, Long> counts = tags.values().stream().collect(Collectors.groupingBy(c -> c, Collectors.counting()));
        return new Grouping(a.code(), groups.of(a.code()).stream()
                .map(g -> new GroupCount(g.code(), g.name(), counts.getOrDefault(g.code(), 0L))).toList(),
                tags.entrySet().stream().map(e -> new Tag(e.getKey().cycle(), e.getKey().number(), e.getValue()))
                        .sorted(Comparator.comparing(Tag::cycle).thenComparing(t -> RecommendationNumber.orderKey(t.number())))
                        .toList());
    }

    @PutMapping("/api/agencies/{agency}/groups/{code}")
    InternalGroup saveGroup(@PathVariable String agency, @PathVariable String code, @RequestBody GroupName body,
            HttpServletRequest request) {
        CurrentUser user = CurrentUser.of(request);
        Agency a = access.writable(agency, user);
        if (!CODE.matcher(code).matches()) {
            throw bad("Mã nhóm '" + code + "' không hợp lệ: từ 1 đến 16 ký tự, gồm chữ cái không dấu, chữ số, dấu chấm, "
                    + "gạch ngang hoặc gạch dưới (ví dụ 1, 2, NHOM-A).");
        }
        String name = body.name() == null ? "" : body.name().strip();
        if (name.isEmpty()) {
            throw bad("Tên nhóm (name) không được để trống.");
        }
        if (name.length() > MAX_NAME) {
            throw bad("Tên nhóm dài " + name.length() + " ký tự, quá giới hạn " + MAX_NAME + " ký tự.");
        }
        InternalGroup group = new InternalGroup(code, name);
        groups.save(a.code(), group, user.userId());
        return group;
    }

    @DeleteMapping("/api/agencies/{agency}/groups/{code}")
    ResponseEntity<Void> removeGroup(@PathVariable String agency, @PathVariable String code, HttpServletRequest request) {
        Agency a = access.writable(agency, CurrentUser.of(request));
        if (groups.find(a.code(), code).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, a.nameVi() + " không có nhóm '" + code + "'.");
        }
        if (!groups.remove(a.code(), code)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Nhóm '" + code + "' đang có " + groups.tagged(a.code(), code)
                    + " khuyến nghị: hãy xếp các khuyến nghị này sang nhóm khác rồi mới xoá nhóm.");
        }
        return ResponseEntity.noContent().build();
    }

    /** Puts several recommendations in one group at once; all or none: any that is not the agency's refuses the whole. */
    @PutMapping("/api/agencies/{agency}/tags")
    Map<String, Integer> tag(@PathVariable String agency, @RequestBody Tagging body, HttpServletRequest request) {
        CurrentUser user = CurrentUser.of(request);
        Agency a = access.writable(agency, user);
        List<InternalGroups.Key> items = body.items() == null ? List.of() : body.items();
        if (items.isEmpty()) {
            throw bad("Chưa chọn khuyến nghị nào (items) để xếp vào nhóm.");
        }
        if (items.size() > MAX_TAGGED) {
            throw bad("Một lần chỉ xếp được tối đa " + MAX_TAGGED + " khuyến nghị (đã chọn " + items.size() + ").");
        }
        String code = body.group() == null || body.group().isBlank() ? null : body.group().strip();
        if (code != null && groups.find(a.code(), code).isEmpty()) {
            throw bad(a.nameVi() + " chưa có nhóm '" + code + "': hãy tạo nhóm trước.");
        }
        Set<InternalGroups.Key> own = new HashSet<>(share.of(a, null).stream().map(Item::key).toList());
        List<String> foreign = new ArrayList<>();
        for (InternalGroups.Key key : items) {
            if (key == null || key.number() == null || !own.contains(key)) {
                foreign.add(key == null || key.number() == null ? "(thiếu số)" : key.number() + " (chu kỳ " + key.cycle() + ")");
            }
        }
        if (!foreign.isEmpty()) {
            throw bad("Không xếp nhóm được: " + String.join(", ", foreign) + " không phải khuyến nghị đang theo dõi do "
                    + a.nameVi() + " chủ trì hoặc phối hợp. Không khuyến nghị nào được thay đổi.");
        }
        List<InternalGroups.Key> distinct = items.stream().distinct().toList();
        groups.tag(a.code(), distinct, code, user.userId());
        return Map.of("tagged", distinct.size());
    }

    /**
     * The tagging from a CSV file sent as the request's body (columns so, nhom, chu_ky: {@link TagsCsv}); all or
     * nothing, every problem named by row.
     */
    @PostMapping("/api/agencies/{agency}/tags.csv")
    Map<String, Integer> importTags(@PathVariable String agency, HttpServletRequest request) throws IOException {
        CurrentUser user = CurrentUser.of(request);
        Agency a = access.writable(agency, user);
        byte[] content = request.getInputStream().readNBytes(MAX_CSV_BYTES + 1);
        if (content.length > MAX_CSV_BYTES) {
            throw bad("Tệp CSV lớn hơn giới hạn " + MAX_CSV_BYTES / 1024 + " KB.");
        }
        TagsCsv.Reading reading = TagsCsv.read(content, plans.latestCycle(a));
        List<String> errors = new ArrayList<>(reading.errors());
        Set<InternalGroups.Key> own = new HashSet<>(share.of(a, null).stream().map(Item::key).toList());
        Set<String> codes = groups.of(a.code()).stream().map(InternalGroup::code).collect(Collectors.toSet());
        Map<InternalGroups.Key, String> tags = new java.util.LinkedHashMap<>();
        for (TagsCsv.Line line : reading.lines()) {
            if (!own.contains(line.key())) {
                errors.add("Dòng " + line.row() + ": " + line.key().number() + " (chu kỳ " + line.key().cycle()
                        + ") không phải khuyến nghị đang theo dõi do " + a.nameVi() + " chủ trì hoặc phối hợp.");
            } else if (line.group() != null && !codes.contains(line.group())) {
                errors.add("Dòng " + line.row() + ": " + a.nameVi() + " chưa có nhóm '" + line.group() + "'.");
            } else {
                tags.put(line.key(), line.group());
            }
        }
        if (errors.isEmpty() && tags.isEmpty()) {
            errors.add("Tệp CSV không có dòng nào sau dòng tiêu đề.");
        }
        if (!errors.isEmpty()) {
            String shown = String.join(" ", errors.subList(0, Math.min(errors.size(), ERRORS_SHOWN)));
            throw bad("Không xếp nhóm được, không khuyến nghị nào được thay đổi. " + shown
                    + (errors.size() > ERRORS_SHOWN ? " … và " + (errors.size() - ERRORS_SHOWN) + " lỗi khác." : ""));
        }
        groups.tagEach(a.code(), tags, user.userId());
        return Map.of("tagged", tags.size());
    }

    @GetMapping("/api/agencies/{agency}/progress")
    AgencyProgress progress(@PathVariable String agency, @RequestParam(required = false) Integer cycle,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String group,
            @RequestParam(required = false) String measure, HttpServletRequest request) {
        Agency a = access.readable(agency, CurrentUser.of(request));
        return progress.of(a, cycle, unit, group, measure);
    }

    @GetMapping("/api/agencies/{agency}/plan.docx")
    ResponseEntity<byte[]> planDocx(@PathVariable String agency, @RequestParam(required = false) Integer cycle,
            HttpServletRequest request) {
        AgencyPlan plan = plan(agency, cycle, request);
        return file(document.bytesOf(plan), AgencyPlanDocument.CONTENT_TYPE, fileName(plan, ".docx"));
    }

    @GetMapping("/api/agencies/{agency}/plan.xlsx")
    ResponseEntity<byte[]> planXlsx(@PathVariable String agency, @RequestParam(required = false) Integer cycle,
            HttpServletRequest request) {
        AgencyPlan plan = plan(agency, cycle, request);
        return file(workbook.bytesOf(plan), AgencyPlanWorkbook.CONTENT_TYPE, fileName(plan, ".xlsx"));
    }

    private AgencyPlan plan(String agency, Integer cycle, HttpServletRequest request) {
        Agency a = access.readable(agency, CurrentUser.of(request));
        Integer chosen = cycle != null ? cycle : plans.latestCycle(a);
        if (chosen == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, a.nameVi() + " chưa chủ trì hay phối hợp khuyến nghị nào "
                    + "đang theo dõi, nên chưa có kế hoạch để tải.");
        }
        return plans.of(a, chosen);
    }

    /** {@code ke-hoach-upr-chu-ky-4-mps-2026-11-30.docx}: which agency, which cycle, which day. */
    static String fileName(AgencyPlan plan, String extension) {
        return "ke-hoach-upr-chu-ky-" + plan.cycle() + "-" + plan.agency().code() + "-" + plan.on() + extension;
    }

    private static ResponseEntity<byte[]> file(byte[] content, String contentType, String name) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, contentType)
                .header(HttpHeaders.CONTENT_DISPOSITION, ReportFileNames.contentDisposition(name)).body(content);
    }

    private static ResponseStatusException bad(String reason) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
    }
}
