package vn.gov.mofa.upr.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.Metrics;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import vn.gov.mofa.upr.ApplicationTest;
import vn.gov.mofa.upr.Recommendations;
import vn.gov.mofa.upr.recommendation.RecommendationRegistry;
import vn.gov.mofa.upr.workflow.RecommendationProcess;

/**
 * Whatever MOFA (or someone holding a MOFA login) uploads, the import answers quickly and the server keeps
 * serving: a dry run only reads, a file over the row or size limit is refused while it is read, and a value too
 * long for the registry is a row error. Cycles 61-64 are this class's own.
 */
@ApplicationTest
class BoundedUploadsTest {

    /** Far beyond any "upload took long": the refused dry run of 100,000 rows used to run for 15 minutes. */
    private static final Duration QUICK = Duration.ofSeconds(10);
    private static final String TEXT = "Continue to strengthen the rule of law";

    @Autowired
    RecommendationImport imports;
    @Autowired
    RecommendationRegistry registry;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;

    @Test
    void aDryRunStartsNoProcessWritesNothingAndCountsWhatTheImportThenDoes() {
        imports.importFile("annex.csv", new Recommendations.Annex()
                .row(61, "61.1", TEXT, "mps", null, "1", "31/03/2027")
                .row(61, "61.2", TEXT, "mps", null, "1", "31/03/2027").bytes(), null, false, "mofa.focal");
        Recommendations.continueStarts(managementService);
        byte[] newer = new Recommendations.Annex()
                .row(61, "61.1", TEXT, "moj", null, "1", "31/03/2027")
                .row(61, "61.2", TEXT, "mps", null, "1", "31/03/2027")
                .row(61, "61.3", TEXT, "mps", null, "2", "31/03/2027")
                .row(61, "61.4", TEXT, null, null, null, null).bytes();
        long started = processesStarted();
        long logged = importsLogged();

        ImportReport dryRun = imports.importFile("annex-v2.csv", newer, null, true, "mofa.focal");

        assertThat(dryRun.errors()).isEmpty();
        assertThat(dryRun.dryRun()).isTrue();
        assertThat(processesStarted()).as("process instances started by the dry run").isEqualTo(started);
        assertThat(instancesOfCycle(61)).isEqualTo(2);
        assertThat(registry.find(61, "61.3")).isEmpty();
        assertThat(registry.find(61, "61.1").orElseThrow().leadAgency()).isEqualTo("mps");
        assertThat(importsLogged()).isEqualTo(logged);

        ImportReport real = imports.importFile("annex-v2.csv", newer, null, false, "mofa.focal");

        assertThat(real.errors()).isEmpty();
        assertThat(List.of(dryRun.created(), dryRun.updated(), dryRun.unchanged(), dryRun.tracked()))
                .as("created, updated, unchanged, tracked").containsExactly(2, 1, 1, 2)
                .isEqualTo(List.of(real.created(), real.updated(), real.unchanged(), real.tracked()));
        assertThat(processesStarted()).isEqualTo(started + 2);
        assertThat(instancesOfCycle(61)).isEqualTo(4);
        assertThat(importsLogged()).isEqualTo(logged + 1);
    }

    @Test
    void aDryRunReportsTheSameRowErrorsAsTheImport() {
        byte[] first = new Recommendations.Annex().row(61, "61.5", TEXT, "mps", null, "1", "31/03/2027").bytes();
        imports.importFile("annex.csv", first, null, false, "mofa.focal");
        byte[] tooSoon = new Recommendations.Annex().row(61, "61.5", TEXT, "moj", null, "1", "31/03/2027").bytes();

        ImportReport dryRun = imports.importFile("annex-v2.csv", tooSoon, null, true, "mofa.focal");
        ImportReport real = imports.importFile("annex-v2.csv", tooSoon, null, false, "mofa.focal");

        assertThat(dryRun.errors()).as("the first task is still being made").isNotEmpty().isEqualTo(real.errors());
        Recommendations.continueStarts(managementService);
    }

    @Test
    void aHundredThousandRowDryRunIsRefusedAtOnceAndTheServerKeepsAnswering() {
        StringBuilder csv = new StringBuilder(Recommendations.HEADER).append('\n');
        for (int i = 1; i <= 100_000; i++) {
            csv.append("62.").append(i).append(",Ratify the Convention against Torture,Sweden,Supported,62,1,mps,,\n");
        }
        assertThat(csv.length()).as("about 5 MB, under the size limit").isBetween(4_000_000, 8_000_000);
        long started = processesStarted();

        long begin = System.nanoTime();
        ResponseEntity<Map<String, Object>> response = upload("annex.csv", csv.toString().getBytes(StandardCharsets.UTF_8),
                true);

        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(QUICK);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(response.getBody())).contains("5.000 dòng", "chia");
        assertThat(processesStarted()).isEqualTo(started);
        assertThat(registry.find(62, "62.1")).isEmpty();
        assertThat(mofa().getForEntity("/api/recommendations?cycle=62", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aHundredMegabyteFileGetsACleanRefusalAndTheServerKeepsAnswering() {
        byte[] hundredMegabytes = new byte[100 * 1024 * 1024];
        Arrays.fill(hundredMegabytes, (byte) 'a');

        long begin = System.nanoTime();
        ResponseEntity<Map<String, Object>> response = upload("annex.csv", hundredMegabytes, false);

        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(QUICK);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(response.getBody())).contains("Tệp quá lớn", "10 MB");
        assertThat(mofa().getForEntity("/api/recommendations", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aValueTooLongForTheRegistryIsARowErrorNamingTheField() {
        String csv = HEADER
                + row("63.1" + "9".repeat(29), "x", "", "Sweden", "", "", "", "")
                + row("63.2", "x".repeat(20_001), "", "Sweden", "", "", "", "")
                + row("63.3", "x", "y".repeat(20_001), "Sweden", "", "", "", "")
                + row("63.4", "x", "", items("State", 300), "", "", "", "")
                + row("63.5", "x", "", "Sweden", items("Theme", 600), "", "", "")
                + row("63.6", "x", "", "Sweden", "", items("SDG", 250), "", "")
                + row("63.7", "x", "", "Sweden", "", "", items("Group", 300), "")
                + row("63.8", "x", "", "Sweden", "", "", "", "mps");

        ResponseEntity<Map<String, Object>> response = upload("annex.csv", csv.getBytes(StandardCharsets.UTF_8), false);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) response.getBody().get("errors");
        assertThat(errors).extracting(error -> error.get("row")).containsExactly(2, 3, 4, 5, 6, 7, 8);
        assertThat(errors).extracting(error -> (String) error.get("message")).satisfiesExactly(
                number -> assertThat(number).contains("Số khuyến nghị", "33 ký tự", "tối đa 32"),
                text -> assertThat(text).contains("Nội dung", "20.001 ký tự", "tối đa 20.000"),
                textVi -> assertThat(textVi).contains("tiếng Việt", "20.001 ký tự", "tối đa 20.000"),
                states -> assertThat(states).contains("Quốc gia khuyến nghị", "tối đa 2.000"),
                themes -> assertThat(themes).contains("Chủ đề", "tối đa 4.000"),
                sdgs -> assertThat(sdgs).contains("SDG", "tối đa 1.000"),
                affected -> assertThat(affected).contains("Nhóm đối tượng", "tối đa 2.000"));
        assertThat(registry.find(63, "63.8")).as("nothing imported").isEmpty();
    }

    @Test
    void valuesAsLongAsTheRegistryAllowsAreImported() {
        String number = "64." + "1".repeat(29);
        String csv = HEADER + row(number, "x".repeat(1990), "y".repeat(2000), "s".repeat(2000), "t".repeat(4000),
                "g".repeat(1000), "p".repeat(2000), sameAgencyManyWays());

        ResponseEntity<Map<String, Object>> response = upload("annex.csv", csv.getBytes(StandardCharsets.UTF_8), false);

        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(registry.find(64, number).orElseThrow().coordinatingAgencies()).as("one agency named many ways")
                .containsExactly("mofa");
        Recommendations.continueStarts(managementService);
    }

    @Test
    void aFileNameTooLongForTheImportLogIsShortenedNotRefused() {
        String name = "phu-luc-" + "dai-".repeat(100) + ".csv";

        ResponseEntity<Map<String, Object>> response = upload(name,
                new Recommendations.Annex().row(64, "64.2", TEXT, "mps", null, "1", "31/03/2027").bytes(), false);

        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(registry.find(64, "64.2")).isPresent();
        Recommendations.continueStarts(managementService);
    }

    private static final String HEADER = "number,text,text_vi,recommending_states,response,cycle,themes,sdgs,"
            + "affected_persons,lead_agency,coordinating_agencies\n";

    /** "prefix1; prefix2; ..." */
    private static String items(String prefix, int count) {
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i)
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /**
     * Ministry of Foreign Affairs written 200 ways (upper and lower case mixed), semicolon separated; not the row's lead
     * (mps), which is never also one of its coordinating agencies.
     */
    private static String sameAgencyManyWays() {
        String name = "ministry of foreign affairs";
        return java.util.stream.IntStream.range(0, 200).mapToObj(variant -> {
            StringBuilder written = new StringBuilder(name);
            for (int bit = 0; bit < 8; bit++) {
                if ((variant >> bit & 1) == 1) {
                    written.setCharAt(bit * 3 + 1, Character.toUpperCase(name.charAt(bit * 3 + 1)));
                }
            }
            return written.toString();
        }).collect(java.util.stream.Collectors.joining("; "));
    }

    /** number, text, text_vi, states, themes, sdgs, affected persons, coordinating agencies; cycle 6x from the number. */
    private static String row(String number, String text, String textVi, String states, String themes, String sdgs,
            String affected, String coordinating) {
        return String.join(",", quoted(number), quoted(text), quoted(textVi), quoted(states), "Supported",
                number.substring(0, 2), quoted(themes), quoted(sdgs), quoted(affected), "mps", quoted(coordinating)) + "\n";
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private ResponseEntity<Map<String, Object>> upload(String filename, byte[] content, boolean dryRun) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        form.add("dryRun", String.valueOf(dryRun));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return mofa().exchange("/api/imports", HttpMethod.POST, new HttpEntity<>(form, headers),
                new ParameterizedTypeReference<Map<String, Object>>() {
                });
    }

    private TestRestTemplate mofa() {
        return rest.withBasicAuth("mofa.focal", "demo");
    }

    /** Camunda's own count of started process instances (Cockpit's metrics), which a rollback does not undo. */
    private long processesStarted() {
        managementService.reportDbMetricsNow();
        return managementService.createMetricsQuery().name(Metrics.ROOT_PROCESS_INSTANCE_START).sum();
    }

    private long importsLogged() {
        return jdbc.queryForObject("select count(*) from import_log", Long.class);
    }

    private long instancesOfCycle(int cycle) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(RecommendationProcess.KEY)
                .processInstanceBusinessKeyLike("UPR" + cycle + "-%").count();
    }
}
