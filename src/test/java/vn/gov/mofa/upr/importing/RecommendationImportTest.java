package vn.gov.mofa.upr.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import vn.gov.mofa.upr.ApplicationTest;
import vn.gov.mofa.upr.Recommendations;
import vn.gov.mofa.upr.recommendation.Recommendation;
import vn.gov.mofa.upr.recommendation.RecommendationRegistry;
import vn.gov.mofa.upr.workflow.RecommendationProcess;

/**
 * Importing recommendation lists as MOFA does: the real 2014 list of Viet Nam and the OHCHR thematic list of
 * Slovenia, annexes with mistakes and newer annexes. Cycles 2 and 3 are the samples'; 92-99 are this class's own.
 */
@ApplicationTest
class RecommendationImportTest {

    private static final String CYCLE2_CSV = "/samples/vn-upr-cycle2-2014.csv";
    private static final String SLOVENIA_DOCX = "/samples/ohchr-thematic-list-slovenia-cycle3.docx";
    private static final String TEXT = "Continue to strengthen the rule of law";

    @Autowired
    RecommendationImport imports;
    @Autowired
    RecommendationRegistry registry;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    org.camunda.bpm.engine.ManagementService managementService;
    @Autowired
    TestRestTemplate rest;

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        ClockUtil.reset();
    }

    @Test
    void theRealCycle2ListIsImportedOnceAndAgainChangesNothing() throws IOException {
        byte[] csv = sample(CYCLE2_CSV);

        ImportReport first = imports.importFile("vn-upr-cycle2-2014.csv", csv, null, false, "mofa.focal");
        Recommendations.continueStarts(managementService);

        assertThat(first.errors()).isEmpty();
        assertThat(first.created()).isEqualTo(244);
        assertThat(first.tracked()).isEqualTo(244);
        assertThat(instancesOfCycle(2)).isEqualTo(244);
        Recommendation nhri = registry.find(2, "143.41").orElseThrow();
        assertThat(nhri.text()).isEqualTo("Establish a national human rights institution in conformity with the Paris Principles");
        assertThat(nhri.recommendingStates()).containsExactly("Congo", "France", "Madagascar", "Togo");
        ProcessInstance nhriInstance = instance(2, "143.41");
        assertThat(taskService.createTaskQuery().processInstanceId(nhriInstance.getId()).singleResult().getTaskDefinitionKey())
                .as("no agency in the 2014 list: MOFA assigns").isEqualTo(RecommendationProcess.ASSIGN_AGENCIES);
        assertThat(runtimeService.getVariable(nhriInstance.getId(), RecommendationProcess.VAR_LEAD_AGENCY))
                .as("suggested by the decision table").isEqualTo("moj");

        ImportReport again = imports.importFile("vn-upr-cycle2-2014.csv", csv, null, false, "mofa.focal");

        assertThat(again.errors()).isEmpty();
        assertThat(again.unchanged()).isEqualTo(244);
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.tracked()).isZero();
        assertThat(instancesOfCycle(2)).isEqualTo(244);
    }

    @Test
    void aDryRunCountsButWritesNothing() throws IOException {
        byte[] csv = inCycle(sample(CYCLE2_CSV), 92);

        ImportReport report = imports.importFile("vn-upr-cycle2-2014.csv", csv, null, true, "mofa.focal");

        assertThat(report.errors()).isEmpty();
        assertThat(report.dryRun()).isTrue();
        assertThat(report.created()).isEqualTo(244);
        assertThat(report.tracked()).isEqualTo(244);
        assertThat(registry.find(92, "143.1")).isEmpty();
        assertThat(instancesOfCycle(92)).isZero();
    }

    @Test
    void aFileWithOneBadRowWritesNothingAtAll() {
        byte[] csv = new Recommendations.Annex()
                .row(93, "93.1", TEXT, "mps", null, "3", "31/03/2027")
                .row(93, "93.2", TEXT, "Bộ Không Tồn Tại", null, "3", "31/03/2027")
                .row(93, "93.3", TEXT, "Bộ Tư pháp", "mps", "1", "31/03/2027")
                .bytes();

        ImportReport report = imports.importFile("annex.csv", csv, null, false, "mofa.focal");

        assertThat(report.ok()).isFalse();
        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(3);
            assertThat(error.message()).contains("'Bộ Không Tồn Tại'", "Cơ quan chủ trì");
        });
        assertThat(report.created()).isZero();
        assertThat(registry.find(93, "93.1")).isEmpty();
        assertThat(registry.find(93, "93.3")).isEmpty();
        assertThat(instancesOfCycle(93)).isZero();
    }

    @Test
    void aNewerAnnexMovesTheOpenPlanToTheNewLeadAgency() {
        Recommendations recommendations = new Recommendations(imports, runtimeService, managementService);
        ProcessInstance pi = recommendations.track(94, "94.1", TEXT, "mps", null, "1", "31/03/2027");
        assertThat(candidateGroups(planTask(pi))).containsExactly("mps");

        ImportReport report = imports.importFile("annex-v2.csv",
                new Recommendations.Annex().row(94, "94.1", TEXT, "moj", null, "1", "31/03/2027").bytes(), null, false, "mofa.focal");

        assertThat(report.errors()).isEmpty();
        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.created()).isZero();
        assertThat(registry.find(94, "94.1").orElseThrow().leadAgency()).isEqualTo("moj");
        assertThat(runtimeService.getVariable(pi.getId(), RecommendationProcess.VAR_LEAD_AGENCY_NAME)).isEqualTo("Bộ Tư pháp");
        Task plan = planTask(pi);
        assertThat(candidateGroups(plan)).containsExactly("moj");
        assertThat(visibleTo("moj.focal", "moj", pi)).as("the new lead sees the plan").isEqualTo(1);
        assertThat(visibleTo("mps.focal", "mps", pi)).as("the former lead no longer sees it").isZero();
    }

    @Test
    void aChangeArrivingBeforeTheFirstTaskExistsIsRefusedUntilItDoes() {
        byte[] first = new Recommendations.Annex().row(94, "94.4", TEXT, "mps", null, "1", "31/03/2027").bytes();
        byte[] changed = new Recommendations.Annex().row(94, "94.4", TEXT, "moj", null, "1", "31/03/2027").bytes();
        assertThat(imports.importFile("annex.csv", first, null, false, "mofa.focal").created()).isEqualTo(1);

        ImportReport tooSoon = imports.importFile("annex-v2.csv", changed, null, false, "mofa.focal");

        assertThat(tooSoon.ok()).isFalse();
        assertThat(tooSoon.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(2);
            assertThat(error.message()).contains("94.4", "nhập lại tệp sau vài giây");
        });
        assertThat(registry.find(94, "94.4").orElseThrow().leadAgency()).as("nothing written").isEqualTo("mps");

        Recommendations.continueStarts(managementService);
        ImportReport later = imports.importFile("annex-v2.csv", changed, null, false, "mofa.focal");

        assertThat(later.updated()).isEqualTo(1);
        assertThat(candidateGroups(planTask(new Recommendations(imports, runtimeService, managementService)
                .instanceOf(94, "94.4")))).containsExactly("moj");
    }

    @Test
    void aNewerAnnexAlsoMovesAPlanTheFormerLeadHadClaimed() {
        Recommendations recommendations = new Recommendations(imports, runtimeService, managementService);
        ProcessInstance pi = recommendations.track(94, "94.2", TEXT, "mps", null, "1", "31/03/2027");
        taskService.claim(planTask(pi).getId(), "mps.focal");

        ImportReport report = imports.importFile("annex-v2.csv",
                new Recommendations.Annex().row(94, "94.2", TEXT, "moj", null, "1", "31/03/2027").bytes(), null, false, "mofa.focal");

        assertThat(report.updated()).isEqualTo(1);
        Task plan = planTask(pi);
        assertThat(candidateGroups(plan)).containsExactly("moj");
        assertThat(plan.getAssignee()).as("the former lead's focal point no longer holds it").isNull();
        assertThat(visibleTo("moj.focal", "moj", pi)).isEqualTo(1);
        assertThat(visibleTo("mps.focal", "mps", pi)).isZero();
    }

    @Test
    void aNewerAnnexWithALaterPlanDeadlineMovesTheOpenPlansDeadline() {
        Recommendations recommendations = new Recommendations(imports, runtimeService, managementService);
        ProcessInstance pi = recommendations.track(94, "94.3", TEXT, "mps", null, "1", "31/03/2027");

        ImportReport report = imports.importFile("annex-v2.csv",
                new Recommendations.Annex().row(94, "94.3", TEXT, "mps", null, "1", "30/06/2027").bytes(), null, false, "mofa.focal");

        assertThat(report.updated()).isEqualTo(1);
        assertThat(registry.find(94, "94.3").orElseThrow().planDueDate()).isEqualTo(java.time.LocalDate.of(2027, 6, 30));
        assertThat(runtimeService.getVariable(pi.getId(), RecommendationProcess.VAR_PLAN_DUE_DATE)).isEqualTo("2027-06-30");
        assertThat(planTask(pi).getDueDate()).as("Tasklist shows the new deadline")
                .isEqualTo(java.util.Date.from(java.time.OffsetDateTime.parse("2027-06-30T17:00+07:00").toInstant()));
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).activityId("PlanOverdue").singleResult()
                .getDuedate()).as("escalation at the new deadline")
                .isEqualTo(java.util.Date.from(java.time.OffsetDateTime.parse("2027-06-30T17:00+07:00").toInstant()));
    }

    @Test
    void theOhchrThematicListRegistersAllAndTracksTheSupportedOnes() throws IOException {
        ImportReport report = imports.importFile("ohchr-thematic-list-slovenia-cycle3.docx", sample(SLOVENIA_DOCX), null, false, "mofa.focal");

        assertThat(report.errors()).isEmpty();
        assertThat(report.created()).isEqualTo(215);
        assertThat(report.tracked()).isEqualTo(182);
        assertThat(instancesOfCycle(3)).isEqualTo(182);
        List<Recommendation> cycle3 = registry.search(new vn.gov.mofa.upr.recommendation.RecommendationFilter(3, null, null,
                null, null, null, null, null, null, null, null, false, null, false, null, null, null), 0, 1000).content();
        assertThat(cycle3).hasSize(215);
        assertThat(cycle3).filteredOn(r -> !r.tracked()).hasSize(33)
                .allSatisfy(noted -> assertThat(noted.processInstanceId()).isNull());
        assertThat(registry.find(3, "121.6")).get().satisfies(r -> assertThat(r.themes())
                .as("a theme whose name holds '; ' stays one theme").contains("Children: definition; general principles; protection"));

        ImportReport again = imports.importFile("ohchr-thematic-list-slovenia-cycle3.docx", sample(SLOVENIA_DOCX), null, false, "mofa.focal");
        assertThat(again.unchanged()).as("the same list again changes nothing").isEqualTo(215);
        assertThat(again.updated()).isZero();
    }

    @Test
    void mofaImportsOverHttpOthersCannot() {
        byte[] csv = new Recommendations.Annex().row(95, "95.1", TEXT, "mps", null, "3", "31/03/2027").bytes();

        ResponseEntity<Map<String, Object>> anonymous = upload(rest, "annex.csv", csv);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<Map<String, Object>> agency = upload(rest.withBasicAuth("mps.focal", "demo"), "annex.csv", csv);
        assertThat(agency.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(registry.find(95, "95.1")).isEmpty();

        ResponseEntity<Map<String, Object>> mofa = upload(rest.withBasicAuth("mofa.focal", "demo"), "annex.csv", csv);
        assertThat(mofa.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(mofa.getBody()).containsEntry("created", 1).containsEntry("tracked", 1);
        assertThat(registry.find(95, "95.1")).isPresent();
        assertThat(instancesOfCycle(95)).isEqualTo(1);
    }

    @Test
    void aFileWithoutAnExtensionIsRecognisedByWhatItHolds() throws IOException {
        TestRestTemplate mofa = rest.withBasicAuth("mofa.focal", "demo");
        byte[] csv = new Recommendations.Annex().row(97, "97.1", TEXT, "mps", null, "3", "31/03/2027")
                .row(97, "97.2", TEXT, "moj", null, "3", "31/03/2027").bytes();

        Map<String, Object> annexCsv = dryRun(mofa, "danh-sach", csv);
        Map<String, Object> annexWorkbook = dryRun(mofa, "annex", workbookOf(csv));
        Map<String, Object> thematicList = dryRun(mofa, "danh-sach", sample(SLOVENIA_DOCX));
        assertSoftly(softly -> {
            softly.assertThat(annexCsv).as("an annex saved as CSV")
                    .containsEntry("errors", List.of()).containsEntry("created", 2);
            softly.assertThat(annexWorkbook).as("an annex saved as an Excel workbook")
                    .containsEntry("errors", List.of()).containsEntry("created", 2);
            softly.assertThat(thematicList).as("the OHCHR thematic list").containsEntry("errors", List.of());
            softly.assertThat((int) thematicList.get("created") + (int) thematicList.get("unchanged"))
                    .as("every recommendation of the thematic list").isEqualTo(215);
        });
        assertThat(registry.find(97, "97.1")).as("dry runs write nothing").isEmpty();

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        for (Map.Entry<String, byte[]> other : Map.of("anh", png, "luu-tru", zipOf("ghi-chu.txt", csv)).entrySet()) {
            ResponseEntity<Map<String, Object>> refused = upload(mofa, other.getKey(), other.getValue());
            assertThat(refused.getStatusCode()).as(other.getKey()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(String.valueOf(refused.getBody())).as(other.getKey())
                    .contains("Không nhận dạng được tệp '" + other.getKey() + "'", "CSV (UTF-8), XLSX hoặc DOCX");
        }
    }

    @Test
    void theImportLogSaysWhoImportedWhichFileWhenAndWhatItDid() {
        // later than any other test's clock: the log lists the newest first
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2035-02-03T09:15:00+07:00").toInstant()));
        TestRestTemplate mofa = rest.withBasicAuth("mofa.focal", "demo");
        byte[] annex = new Recommendations.Annex().row(96, "96.1", TEXT, "mps", null, "3", "31/03/2027")
                .row(96, "96.2", TEXT, "moj", null, "3", "31/03/2027").bytes();
        assertThat(upload(mofa, "phu-luc-<b>96</b>.csv", annex).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(upload(mofa, "phu-luc-96.csv", annex).getStatusCode()).as("again: nothing changes").isEqualTo(HttpStatus.OK);
        assertThat(upload(mofa, "loi.csv", "number,text\n,\n".getBytes(StandardCharsets.UTF_8)).getStatusCode())
                .as("refused files are not imports").isEqualTo(HttpStatus.BAD_REQUEST);

        ResponseEntity<List<Map<String, Object>>> log = mofa.exchange("/api/imports", HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() {
                });

        assertThat(log.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(log.getBody()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(log.getBody().get(0)).containsEntry("fileName", "phu-luc-96.csv").containsEntry("importedBy", "mofa.focal")
                .containsEntry("created", 0).containsEntry("unchanged", 2);
        assertThat(log.getBody().get(1)).containsEntry("fileName", "phu-luc-<b>96</b>.csv")
                .containsEntry("created", 2).containsEntry("tracked", 2);
        assertThat((String) log.getBody().get(1).get("importedAt")).startsWith("2035-02-03T09:15");
        assertThat(log.getBody()).extracting(entry -> entry.get("fileName")).doesNotContain("loi.csv");
        assertThat(rest.withBasicAuth("mps.focal", "demo").getForEntity("/api/imports", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.getForEntity("/api/imports", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aTooLargeFileIsRefusedWithAClearMessage() {
        byte[] twelveMegabytes = new byte[12 * 1024 * 1024];
        Arrays.fill(twelveMegabytes, (byte) 'a');

        ResponseEntity<Map<String, Object>> response = upload(rest.withBasicAuth("mofa.focal", "demo"), "annex.csv",
                twelveMegabytes);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(response.getBody())).contains("Tệp quá lớn", "10 MB");
    }

    private static Map<String, Object> dryRun(TestRestTemplate client, String filename, byte[] content) {
        return upload(client, "/api/imports?dryRun=true", filename, content).getBody();
    }

    private static ResponseEntity<Map<String, Object>> upload(TestRestTemplate client, String filename, byte[] content) {
        return upload(client, "/api/imports", filename, content);
    }

    private static ResponseEntity<Map<String, Object>> upload(TestRestTemplate client, String url, String filename,
            byte[] content) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return client.exchange(url, HttpMethod.POST, new HttpEntity<>(form, headers),
                new ParameterizedTypeReference<Map<String, Object>>() {
                });
    }

    /** The annex's rows as the first sheet of a workbook, every value a text cell. */
    private static byte[] workbookOf(byte[] csv) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                CSVParser rows = CSVParser.parse(
                        new String(csv, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            Sheet sheet = workbook.createSheet("Phụ lục");
            for (CSVRecord record : rows) {
                Row row = sheet.createRow((int) record.getRecordNumber() - 1);
                for (int i = 0; i < record.size(); i++) {
                    row.createCell(i).setCellValue(record.get(i));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] zipOf(String entryName, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entryName));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private long instancesOfCycle(int cycle) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(RecommendationProcess.KEY)
                .processInstanceBusinessKeyLike("UPR" + cycle + "-%").count();
    }

    private ProcessInstance instance(int cycle, String number) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(RecommendationProcess.KEY)
                .processInstanceBusinessKey(RecommendationProcess.businessKey(cycle, number)).singleResult();
    }

    private Task planTask(ProcessInstance pi) {
        return taskService.createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(RecommendationProcess.PREPARE_PLAN).singleResult();
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId()).toList();
    }

    /** How many of the instance's tasks the agency's focal point sees in Tasklist. */
    private long visibleTo(String user, String group, ProcessInstance pi) {
        identityService.setAuthentication(user, List.of(group));
        try {
            return taskService.createTaskQuery().processInstanceId(pi.getId()).count();
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The same list as if it came from another review: every row's cycle column rewritten. */
    private static byte[] inCycle(byte[] csv, int cycle) {
        String text = new String(csv, StandardCharsets.UTF_8);
        String rewritten = text.lines().map(line -> line.endsWith(",2") ? line.substring(0, line.length() - 1) + cycle : line)
                .collect(Collectors.joining("\n"));
        return rewritten.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sample(String resource) throws IOException {
        try (InputStream in = RecommendationImportTest.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
