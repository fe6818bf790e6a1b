package vn.gov.mofa.upr.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.LinkedMultiValueMap;

import vn.gov.mofa.upr.ApplicationTest;
import vn.gov.mofa.upr.recommendation.RecommendationRegistry;
import vn.gov.mofa.upr.security.ApiAuthenticationFilter;
import vn.gov.mofa.upr.security.CurrentUser;
import vn.gov.mofa.upr.web.ApiErrors;

/**
 * What the server answers when an upload fails other than by a bad file, in the words the import page shows: each
 * answer is Vietnamese and says that nothing was imported, and nothing was. Cycle 79's number 79.90 is this class's own.
 */
@ApplicationTest
class ImportFailuresTest {

    private static final byte[] ANNEX = "number,text,cycle\n79.90,Text,79\n".getBytes(StandardCharsets.UTF_8);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RecommendationRegistry registry;

    @Test
    void aSessionThatExpiredIsAskedToLogInAndImportsNothing() {
        HttpHeaders expired = new HttpHeaders();
        expired.add(HttpHeaders.COOKIE, "SESSION=ZXhwaXJlZC1zZXNzaW9u");
        expired.add(ApiAuthenticationFilter.CSRF_HEADER, "token-of-the-old-page");
        expired.setContentType(MediaType.MULTIPART_FORM_DATA);
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(ANNEX) {
            @Override
            public String getFilename() {
                return "phu-luc.csv";
            }
        });

        ResponseEntity<String> answer = rest.postForEntity("/api/imports", new HttpEntity<>(body, expired), String.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(401);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(answer.getBody()).contains("Cần đăng nhập");
        assertThat(answer.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).as("no browser password prompt").isNull();
        assertThat(registry.find(79, "79.90")).isEmpty();
    }

    @Test
    void aFailureOfTheImportItselfSaysThatNothingWasImported() throws Exception {
        RecommendationImport failing = new RecommendationImport(null, null, null, null, null, null, null, null, null) {
            @Override
            public ImportReport importFile(String filename, byte[] content, Integer cycle, boolean dryRun, String importedBy) {
                throw new IllegalStateException("connection to the database lost");
            }
        };
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new ImportController(failing, null))
                .setControllerAdvice(new ApiErrors()).build();

        mvc.perform(multipart("/api/imports").file(new MockMultipartFile("file", "phu-luc.csv", "text/csv", ANNEX))
                        .requestAttr(CurrentUser.class.getName(), new CurrentUser("mofa.focal", List.of("mofa"))))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("chưa nhập khuyến nghị nào")))
                .andExpect(jsonPath("$.detail").value(Matchers.not(Matchers.containsString("database"))))
                .andExpect(jsonPath("$.title").value("Lỗi hệ thống"));
    }
}
