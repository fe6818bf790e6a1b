package vn.gov.mofa.upr.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.mofa.upr.ApplicationTest;
import vn.gov.mofa.upr.Recommendations;
import vn.gov.mofa.upr.importing.RecommendationImport;
import vn.gov.mofa.upr.workflow.RecommendationProcess;

/**
 * A variable's value is data, never code: a variable of type Object names a class, and reading it back must not
 * build an instance of any class the application does not itself store (a data source whose connection runs SQL,
 * a file resource that reads a local file). The variables are written as the administrator, so that these tests
 * prove the engine's own check, whatever the REST layer lets each user write. Cycle 66 is this class's own.
 */
@ApplicationTest
class ObjectVariablesTest {

    private static final int CYCLE = 66;

    @Autowired TestRestTemplate http;
    @Autowired RecommendationImport imports;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired ObjectMapper json;

    @TempDir Path dir;

    @Test
    void aDataSourceNamedAsTheTypeOfAVariableRunsNothingWhenTheVariableIsRead() throws Exception {
        String task = planTask("OV.1");
        Path written = dir.resolve("written-by-h2");
        String sql = "CALL FILE_WRITE(STRINGTOUTF8('pwned'), '" + written + "')";
        for (String gadget : new String[] {"org.h2.jdbcx.JdbcDataSource",
                "org.springframework.jdbc.datasource.DriverManagerDataSource"}) {
            String value = json.writeValueAsString(java.util.Map.of("url", "jdbc:h2:mem:gadget;INIT=" + sql));
            assertThat(store(task, "gadget", gadget, value).getStatusCode().value()).isEqualTo(204);

            ResponseEntity<String> read = admin().getForEntity("/engine-rest/task/" + task + "/variables/gadget", String.class);

            assertThat(written).as("reading %s ran no SQL", gadget).doesNotExist();
            assertThat(read.getStatusCode().value()).as("reading %s is refused", gadget).isGreaterThanOrEqualTo(400);
            assertThat(read.getBody()).contains(gadget);
        }
    }

    @Test
    void aFileResourceNamedAsTheTypeOfAVariableReadsNoLocalFile() throws Exception {
        String task = planTask("OV.2");
        Path secret = Files.writeString(dir.resolve("secret.txt"), "mật khẩu cơ sở dữ liệu");
        store(task, "file", "org.springframework.core.io.FileSystemResource", json.writeValueAsString(secret.toString()));

        ResponseEntity<String> read = admin().getForEntity("/engine-rest/task/" + task + "/variables/file", String.class);

        assertThat(read.getStatusCode().value()).isGreaterThanOrEqualTo(400);
        assertThat(read.getBody()).as("refused for its type, before any of the file's getters ran")
                .contains("org.springframework.core.io.FileSystemResource").doesNotContain("inputStream");
        String base64 = java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(secret)); // Jackson's bytes
        assertThat(read.getBody()).doesNotContain("mật khẩu").doesNotContain(base64.substring(0, 12));
        assertThat(Files.readString(secret)).as("the file is untouched").isEqualTo("mật khẩu cơ sở dữ liệu");
    }

    @Test
    void theValueOfAnObjectVariableStaysReadableAsText() throws Exception {
        String task = planTask("OV.3");
        store(task, "gadget", "org.h2.jdbcx.JdbcDataSource", "{\"url\":\"jdbc:h2:mem:x\"}");

        ResponseEntity<String> read = admin().getForEntity(
                "/engine-rest/task/" + task + "/variables/gadget?deserializeValue=false", String.class);

        assertThat(read.getStatusCode().value()).as("Cockpit can still show what was stored").isEqualTo(200);
        assertThat(read.getBody()).contains("jdbc:h2:mem:x");
    }

    private ResponseEntity<String> store(String task, String name, String type, String value) throws Exception {
        String body = json.writeValueAsString(java.util.Map.of("type", "Object", "value", value, "valueInfo",
                java.util.Map.of("objectTypeName", type, "serializationDataFormat", "application/json")));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return admin().exchange("/engine-rest/task/" + task + "/variables/" + name, HttpMethod.PUT,
                new HttpEntity<>(body, headers), String.class);
    }

    /** The plan task of a recommendation led by the Ministry of Public Security. */
    private String planTask(String number) {
        ProcessInstance pi = new Recommendations(imports, runtime, management)
                .track(CYCLE, number, "Bảo đảm quyền riêng tư", "mps", null, "3", null);
        return tasks.createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(RecommendationProcess.PREPARE_PLAN).singleResult().getId();
    }

    private TestRestTemplate admin() {
        return http.withBasicAuth("admin", "Quantri-2026");
    }
}
