package vn.gov.mofa.upr.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import vn.gov.mofa.upr.ApplicationTest;
import vn.gov.mofa.upr.Recommendations;
import vn.gov.mofa.upr.agency.AgencyUnit;
import vn.gov.mofa.upr.agency.AgencyUnits;
import vn.gov.mofa.upr.importing.RecommendationImport;

/**
 * An agency's focal point manages the agency's units and their people over HTTP, as the page does: every change and
 * every refusal as the focal point (or an attacker) sees it — the status, the Vietnamese reason, and that nothing
 * changed. Units of their own ({@code moj.t-...}, {@code mps.t-...}) keep out of the demo units' way.
 */
@ApplicationTest
class AgencyUnitsTest {

    static final int REBORN_CYCLE = 97;
    static final String ADMIN_PASSWORD = "Quantri-2026";
    static final String GOOD_PASSWORD = "Don-vi-2026!";
    static final String NOT_YOURS = "Chỉ đầu mối của cơ quan (hoặc quản trị hệ thống) được quản lý các đơn vị của cơ quan đó.";

    @Autowired TestRestTemplate http;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;
    @Autowired AgencyUnits units;
    @Autowired AuthorizationService authorizations;
    @Autowired RecommendationImport imports;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;

    @Test
    void theFocalPointMakesAUnitAddsPeopleRenamesAndRemovesIt() {
        ResponseEntity<String> created = send("moj.focal", HttpMethod.POST, "/api/agencies/moj/units",
                "{\"code\":\"T-Hinh-su \",\"name\":\"Vụ Pháp luật hình sự - hành chính\"}");
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        assertThat(created.getBody()).contains("\"code\":\"t-hinh-su\"");
        assertThat(send("moj.focal", HttpMethod.GET, "/api/agencies/moj/units", null).getBody())
                .contains("Vụ Pháp luật hình sự - hành chính");

        ResponseEntity<String> weak = send("moj.focal", HttpMethod.POST, "/api/agencies/moj/units/t-hinh-su/people",
                person("tran.thi.binh", "Trần Thị Bình", "binh@moj.example.vn", "binh"));
        assertThat(weak.getStatusCode().value()).isEqualTo(400);
        assertThat(weak.getBody()).contains("Mật khẩu cần ít nhất 10 ký tự");
        assertThat(identity.createUserQuery().userId("tran.thi.binh").count()).as("no account for a refused person").isZero();

        ResponseEntity<String> added = send("moj.focal", HttpMethod.POST, "/api/agencies/moj/units/t-hinh-su/people",
                person("tran.thi.binh", "Trần Thị Bình", "binh@moj.example.vn", GOOD_PASSWORD));
        assertThat(added.getStatusCode().value()).as(added.getBody()).isEqualTo(201);
        assertThat(http.withBasicAuth("tran.thi.binh", GOOD_PASSWORD).getForEntity("/api/dashboard", String.class)
                .getStatusCode().value()).as("the new person logs in").isEqualTo(200);
        assertThat(identity.createGroupQuery().groupMember("tran.thi.binh").list()).extracting(Group::getId)
                .as("a unit's person is in the unit only, not in the agency's group").containsExactly("moj.t-hinh-su");
        assertThat(units.agencyOf("tran.thi.binh")).contains("moj");
        assertThat(send("moj.focal", HttpMethod.GET, "/api/agencies/moj/units", null).getBody())
                .contains("\"userId\":\"tran.thi.binh\",\"fullName\":\"Trần Thị Bình\"");

        ResponseEntity<String> taken = send("moj.focal", HttpMethod.POST, "/api/agencies/moj/units/t-hinh-su/people",
                person("mps.focal", "Ai Đó", "x@moj.example.vn", GOOD_PASSWORD));
        assertThat(taken.getStatusCode().value()).isEqualTo(409);
        assertThat(taken.getBody()).contains("Đã có người dùng với tên đăng nhập mps.focal");
        ResponseEntity<String> grabbed = send("moj.focal", HttpMethod.POST, "/api/agencies/moj/units/t-hinh-su/people",
                "{\"userId\":\"mps.focal\"}");
        assertThat(grabbed.getStatusCode().value()).as("another agency's person cannot be pulled in").isEqualTo(409);
        assertThat(grabbed.getBody()).contains("không thuộc đơn vị nào của Bộ Tư pháp");
        assertThat(identity.createGroupQuery().groupMember("mps.focal").list()).extracting(Group::getId).containsExactly("mps");

        ResponseEntity<String> renamed = send("moj.focal", HttpMethod.PUT, "/api/agencies/moj/units/t-hinh-su",
                "{\"name\":\"Vụ Pháp luật hình sự - hành chính (Bộ Tư pháp)\"}");
        assertThat(renamed.getStatusCode().value()).isEqualTo(200);
        assertThat(units.unit("moj.t-hinh-su")).map(AgencyUnit::name).contains("Vụ Pháp luật hình sự - hành chính (Bộ Tư pháp)");

        assertThat(send("moj.focal", HttpMethod.DELETE, "/api/agencies/moj/units/t-hinh-su", null).getStatusCode().value())
                .isEqualTo(204);
        assertThat(units.of("moj")).extracting(AgencyUnit::code).doesNotContain("t-hinh-su");
        assertThat(identity.createUserQuery().userId("tran.thi.binh").count()).as("their account, in no other unit, is gone")
                .isZero();
    }

    @Test
    void aPersonMayWorkForTwoUnitsOfTheAgencyAndLeavesOneAtATime() {
        unit("mps", "t-two-a", "Đơn vị thử A");
        unit("mps", "t-two-b", "Đơn vị thử B");
        assertThat(send("mps.focal", HttpMethod.POST, "/api/agencies/mps/units/t-two-a/people",
                person("le.van.cuong", "Lê Văn Cường", "cuong@mps.example.vn", GOOD_PASSWORD)).getStatusCode().value()).isEqualTo(201);
        ResponseEntity<String> second = send("mps.focal", HttpMethod.POST, "/api/agencies/mps/units/t-two-b/people",
                "{\"userId\":\"le.van.cuong\"}");
        assertThat(second.getStatusCode().value()).as(second.getBody()).isEqualTo(201);

        assertThat(send("mps.focal", HttpMethod.DELETE, "/api/agencies/mps/units/t-two-a/people/le.van.cuong", null)
                .getStatusCode().value()).isEqualTo(204);
        assertThat(identity.createGroupQuery().groupMember("le.van.cuong").list()).extracting(Group::getId)
                .containsExactly("mps.t-two-b");
        ResponseEntity<String> notThere = send("mps.focal", HttpMethod.DELETE, "/api/agencies/mps/units/t-two-a/people/le.van.cuong", null);
        assertThat(notThere.getStatusCode().value()).isEqualTo(404);
        assertThat(notThere.getBody()).contains("không có người dùng le.van.cuong");

        assertThat(send("mps.focal", HttpMethod.DELETE, "/api/agencies/mps/units/t-two-b/people/le.van.cuong", null)
                .getStatusCode().value()).isEqualTo(204);
        assertThat(identity.createUserQuery().userId("le.van.cuong").count()).isZero();
    }

    @Test
    void aUnitWithOpenTasksAndAPersonWithAssignedTasksStay() {
        unit("mps", "t-busy", "Đơn vị đang có việc");
        send("mps.focal", HttpMethod.POST, "/api/agencies/mps/units/t-busy/people",
                person("pham.thi.dung", "Phạm Thị Dung", "dung@mps.example.vn", GOOD_PASSWORD));
        Task task = tasks.newTask();
        task.setName("Việc thử của đơn vị");
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), "mps.t-busy");
        tasks.setAssignee(task.getId(), "pham.thi.dung");

        ResponseEntity<String> person = send("mps.focal", HttpMethod.DELETE, "/api/agencies/mps/units/t-busy/people/pham.thi.dung", null);
        assertThat(person.getStatusCode().value()).isEqualTo(409);
        assertThat(person.getBody()).contains("đang được giao 1 công việc");
        ResponseEntity<String> unit = send("mps.focal", HttpMethod.DELETE, "/api/agencies/mps/units/t-busy", null);
        assertThat(unit.getStatusCode().value()).isEqualTo(409);
        assertThat(unit.getBody()).contains("Không xoá được đơn vị Đơn vị đang có việc vì đơn vị còn 1 công việc chưa hoàn thành");
        assertThat(units.unit("mps.t-busy")).isPresent();
        assertThat(identity.createUserQuery().memberOfGroup("mps.t-busy").count()).isEqualTo(1);

        tasks.deleteTask(task.getId(), true);
        assertThat(send("mps.focal", HttpMethod.DELETE, "/api/agencies/mps/units/t-busy", null).getStatusCode().value())
                .isEqualTo(204);
        assertThat(units.unit("mps.t-busy")).isEmpty();
    }

    /**
     * A delegation grants a unit READ on its instance. A unit removed and later made again with the same code is a new
     * unit: its people must not read what the old one was granted.
     */
    @Test
    void aUnitMadeAgainWithARemovedUnitsCodeInheritsNothing() {
        ProcessInstance instance = new Recommendations(imports, runtime, management)
                .track(REBORN_CYCLE, "R.1", "Khuyến nghị giao cho một đơn vị", "mps", null, "1", "31/12/2031");
        unit("mps", "t-reborn", "Đơn vị cũ");
        send("mps.focal", HttpMethod.POST, "/api/agencies/mps/units/t-reborn/people",
                person("cu.nguoi", "Người Cũ", "cu@mps.example.vn", GOOD_PASSWORD));
        Authorization delegated = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        delegated.setGroupId("mps.t-reborn");
        delegated.setResource(Resources.PROCESS_INSTANCE);
        delegated.setResourceId(instance.getId());
        delegated.addPermission(Permissions.READ);
        authorizations.saveAuthorization(delegated);
        String path = "/engine-rest/process-instance/" + instance.getId();
        assertThat(http.withBasicAuth("cu.nguoi", GOOD_PASSWORD).getForEntity(path, String.class).getStatusCode().value())
                .as("the old unit reads its delegated instance").isEqualTo(200);

        assertThat(send("mps.focal", HttpMethod.DELETE, "/api/agencies/mps/units/t-reborn", null).getStatusCode().value())
                .isEqualTo(204);
        unit("mps", "t-reborn", "Đơn vị mới, cùng mã");
        send("mps.focal", HttpMethod.POST, "/api/agencies/mps/units/t-reborn/people",
                person("moi.nguoi", "Người Mới", "moi@mps.example.vn", GOOD_PASSWORD));
        ResponseEntity<String> inherited = http.withBasicAuth("moi.nguoi", GOOD_PASSWORD).getForEntity(path, String.class);
        assertThat(inherited.getStatusCode().value()).as(inherited.getBody()).isNotEqualTo(200);
        assertThat(inherited.getBody()).doesNotContain(instance.getId() + "\",\"definitionId");
        assertThat(http.withBasicAuth("moi.nguoi", GOOD_PASSWORD).getForEntity("/api/dashboard", String.class)
                .getStatusCode().value()).as("the new unit still has Tasklist").isEqualTo(200);
    }

    @Test
    void wrongUnitsAreRefusedInVietnameseNamingTheField() {
        ResponseEntity<String> badCode = send("mps.focal", HttpMethod.POST, "/api/agencies/mps/units",
                "{\"code\":\"Cục V03\",\"name\":\"Cục\"}");
        assertThat(badCode.getStatusCode().value()).isEqualTo(400);
        assertThat(badCode.getBody()).contains("Mã đơn vị 'cục v03' không hợp lệ", "Yêu cầu không hợp lệ");
        ResponseEntity<String> noName = send("mps.focal", HttpMethod.POST, "/api/agencies/mps/units", "{\"code\":\"t-noname\"}");
        assertThat(noName.getBody()).contains("Thiếu tên đơn vị");
        ResponseEntity<String> twice = send("mps.focal", HttpMethod.POST, "/api/agencies/mps/units",
                "{\"code\":\"V03\",\"name\":\"Cục khác\"}");
        assertThat(twice.getStatusCode().value()).isEqualTo(409);
        assertThat(twice.getBody()).contains("Đã có đơn vị mã v03");
        assertThat(units.unit("mps.v03")).map(AgencyUnit::name).hasValueSatisfying(name -> assertThat(name).startsWith("Cục Pháp chế"));
        ResponseEntity<String> badPerson = send("mps.focal", HttpMethod.POST, "/api/agencies/mps/units/v03/people",
                person("nguyen van a", "Nguyễn Văn A", "a@mps.example.vn", GOOD_PASSWORD));
        assertThat(badPerson.getStatusCode().value()).isEqualTo(400);
        assertThat(badPerson.getBody()).contains("Tên đăng nhập 'nguyen van a' không hợp lệ");
        ResponseEntity<String> badEmail = send("mps.focal", HttpMethod.POST, "/api/agencies/mps/units/v03/people",
                person("nguyen.van.a", "Nguyễn Văn A", "a-at-mps", GOOD_PASSWORD));
        assertThat(badEmail.getBody()).contains("Email 'a-at-mps' của người dùng nguyen.van.a không hợp lệ");
        ResponseEntity<String> noUnit = send("mps.focal", HttpMethod.PUT, "/api/agencies/mps/units/t-none", "{\"name\":\"X\"}");
        assertThat(noUnit.getStatusCode().value()).isEqualTo(404);
        assertThat(noUnit.getBody()).contains("Bộ Công an không có đơn vị mã t-none");
    }

    @Test
    void onlyTheAgencysFocalPointsAndAdministratorsManageItsUnits() {
        unit("mps", "t-guarded", "Đơn vị được bảo vệ");
        // the agency's leader, a unit's person, another agency, MOFA's officer and leader
        for (String user : List.of("mps.lead", "mps.v03.focal", "moj.focal", "mofa.focal", "mofa.lead")) {
            for (String[] request : writesAndReads("mps")) {
                ResponseEntity<String> answer = send(user, HttpMethod.valueOf(request[0]), request[1], request[2]);
                assertThat(answer.getStatusCode().value()).as(user + " " + request[0] + " " + request[1]).isEqualTo(403);
                assertThat(answer.getBody()).as(user + " " + request[0] + " " + request[1]).contains(NOT_YOURS);
            }
        }
        for (String[] request : writesAndReads("mps")) {
            assertThat(http.exchange(request[1], HttpMethod.valueOf(request[0]), json(request[2]), String.class)
                    .getStatusCode().value()).as("anonymous " + request[0] + " " + request[1]).isEqualTo(401);
        }
        // a page of another site, with the focal point's password in the browser
        HttpHeaders fromEvil = new HttpHeaders();
        fromEvil.add(HttpHeaders.ORIGIN, "https://evil.example");
        assertThat(http.withBasicAuth("mps.focal", "demo").exchange("/api/agencies/mps/units/t-guarded", HttpMethod.DELETE,
                new HttpEntity<>(null, fromEvil), String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(units.unit("mps.t-guarded")).map(AgencyUnit::name).contains("Đơn vị được bảo vệ");
        assertThat(units.unit("mps.t-taken")).isEmpty();

        // MOFA's officers manage MOFA's own units
        assertThat(send("mofa.focal", HttpMethod.POST, "/api/agencies/mofa/units", "{\"code\":\"t-vu-ldqt\",\"name\":\"Vụ thử\"}")
                .getStatusCode().value()).isEqualTo(201);
        assertThat(send("mofa.focal", HttpMethod.DELETE, "/api/agencies/mofa/units/t-vu-ldqt", null).getStatusCode().value())
                .isEqualTo(204);
        // an administrator manages any agency's
        ResponseEntity<String> admin = http.withBasicAuth("admin", ADMIN_PASSWORD).exchange("/api/agencies/mps/units/t-guarded",
                HttpMethod.PUT, json("{\"name\":\"Đơn vị đổi tên bởi quản trị\"}"), String.class);
        assertThat(admin.getStatusCode().value()).isEqualTo(200);
        assertThat(http.withBasicAuth("admin", ADMIN_PASSWORD).getForEntity("/api/agencies/xyz/units", String.class)
                .getBody()).contains("Không có cơ quan mã 'xyz'");
    }

    /** A unit's person reaches Tasklist and the diagrams, and no process instance until a delegation grants one. */
    @Test
    void aUnitsPersonHasTasklistAndNoInstance() {
        ResponseEntity<String> definitions = http.withBasicAuth("mps.v03.focal", "demo")
                .getForEntity("/engine-rest/process-definition?latestVersion=true&maxResults=50", String.class);
        assertThat(definitions.getStatusCode().value()).as(definitions.getBody()).isEqualTo(200);
        assertThat(definitions.getBody()).contains("upr-recommendation");
        assertThat(http.withBasicAuth("mps.v03.focal", "demo").getForEntity("/engine-rest/process-instance?maxResults=50", String.class)
                .getBody()).isEqualTo("[]");
        assertThat(http.withBasicAuth("mps.v03.focal", "demo").getForEntity("/engine-rest/history/process-instance?maxResults=50", String.class)
                .getBody()).isEqualTo("[]");
    }

    @Test
    void theDemoUnitsOfThePublicSecurityMinistryHaveAFocalPointEach() {
        assertThat(units.of("mps")).extracting(AgencyUnit::groupId).contains("mps.v03", "mps.c10");
        assertThat(units.isUnitOf("mps.c10", "mps")).isTrue();
        assertThat(units.isUnitOf("mps.c10", "moj")).isFalse();
        assertThat(units.isUnitOf("mps", "mps")).as("the agency's own group is no unit").isFalse();
        for (String unit : List.of("mps.v03", "mps.c10")) {
            assertThat(identity.createGroupQuery().groupMember(unit + ".focal").list()).extracting(Group::getId)
                    .containsExactly(unit);
            assertThat(units.agencyOf(unit + ".focal")).contains("mps");
        }
    }

    /** A process step run for someone who may not read groups (a unit's person completing a task) still sees the units. */
    @Test
    void theLookupReadsTheUnitsWhateverTheCallersRights() {
        identity.setAuthentication("mps.v03.focal", List.of("mps.v03"));
        try {
            assertThat(identity.createGroupQuery().groupType(AgencyUnit.GROUP_TYPE).listPage(0, 100)).extracting(Group::getId)
                    .as("with the caller's own rights: their own unit only").containsExactly("mps.v03");
            assertThat(units.of("mps")).extracting(AgencyUnit::code).contains("v03", "c10");
            assertThat(units.unitsOf("mps.c10.focal")).extracting(AgencyUnit::code).containsExactly("c10");
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    void theHeaderLinksToTheUnitsForThoseWhoManageThem() {
        for (String user : List.of("mps.focal", "mofa.focal")) {
            assertThat(page(user, "/rounds")).as(user).contains("href=\"/agency-units\"");
            assertThat(page(user, "/agency-units")).as(user).contains("Thêm đơn vị");
        }
        assertThat(page("mps.focal", "/agency-units")).contains("Cục Pháp chế và cải cách hành chính, tư pháp (V03)",
                "mps.v03.focal");
        for (String user : List.of("mps.lead", "mps.v03.focal", "mofa.lead")) {
            assertThat(page(user, "/rounds")).as(user).doesNotContain("/agency-units");
            ResponseEntity<String> refused = http.withBasicAuth(user, "demo").getForEntity("/agency-units", String.class);
            assertThat(refused.getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(refused.getBody()).as(user).contains(NOT_YOURS).doesNotContain("Thêm đơn vị");
        }
        ResponseEntity<String> other = http.withBasicAuth("moj.focal", "demo").getForEntity("/agency-units?agency=mps", String.class);
        assertThat(other.getStatusCode().value()).isEqualTo(403);
        assertThat(other.getBody()).doesNotContain("mps.v03.focal");
    }

    // -- the CSV import

    @Test
    void aCsvMakesUnitsAndAccountsWhoseInitialPasswordsWork() {
        String csv = "\uFEFFma_don_vi;ten_don_vi;ten_dang_nhap;ho_ten;email\r\n"
                + "T-CSV-1;Công an tỉnh Thử Một;hoang.van.em;Hoàng Văn Em;em@mps.example.vn\r\n"
                + "t-csv-1;Công an tỉnh Thử Một;do.thi.gam;Đỗ Thị Gấm;gam@mps.example.vn\r\n"
                + "t-csv-2;\"Cục Thử Hai; phòng A\";;;\r\n"
                + "t-csv-2;\"Cục Thử Hai; phòng A\";hoang.van.em;Hoàng Văn Em;em@mps.example.vn\r\n";
        ResponseEntity<String> answer = upload("mps.focal", "mps", csv);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        assertThat(answer.getBody()).contains("\"unitsCreated\":2", "\"peopleAdded\":3");
        assertThat(units.unit("mps.t-csv-2")).map(AgencyUnit::name).contains("Cục Thử Hai; phòng A");
        for (String user : List.of("hoang.van.em", "do.thi.gam")) {
            String password = answer.getBody().replaceAll("(?s).*\"userId\":\"" + Pattern.quote(user)
                    + "\",\"fullName\":\"[^\"]*\",\"initialPassword\":\"([^\"]+)\".*", "$1");
            assertThat(http.withBasicAuth(user, password).getForEntity("/api/dashboard", String.class).getStatusCode().value())
                    .as(user + " logs in with the initial password").isEqualTo(200);
        }
        assertThat(identity.createGroupQuery().groupMember("hoang.van.em").list()).extracting(Group::getId)
                .containsExactlyInAnyOrder("mps.t-csv-1", "mps.t-csv-2");

        ResponseEntity<String> again = upload("mps.focal", "mps", csv.replace("Công an tỉnh Thử Một", "Công an tỉnh Thử Một (mới)"));
        assertThat(again.getBody()).as("the same file again: a rename, nobody new").contains("\"unitsCreated\":0",
                "\"unitsRenamed\":1", "\"peopleAdded\":0", "\"newAccounts\":[]");
    }

    @Test
    void aCsvWithAnyWrongRowWritesNothingAndNamesEachRow() {
        long groups = identity.createGroupQuery().count();
        long users = identity.createUserQuery().count();
        String csv = "ma_don_vi,ten_don_vi,ten_dang_nhap,ho_ten,email\n"
                + "t-bad-1,Đơn vị tốt,tot.nguoi,Người Tốt,tot@mps.example.vn\n"
                + "t bad,Đơn vị mã sai,,,\n"
                + "t-bad-3,,,,\n"
                + "t-bad-1,Tên khác,,,\n"
                + "t-bad-4,Đơn vị bốn,Sai Ten,Người Sai,sai@mps.example.vn\n"
                + "t-bad-4,Đơn vị bốn,thieu.email,Thiếu Email,\n"
                + "t-bad-4,Đơn vị bốn,moj.focal,Người Bộ Khác,x@moj.example.vn\n";
        ResponseEntity<String> answer = upload("mps.focal", "mps", csv);
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody()).contains(
                "{\"row\":3,\"message\":\"Mã đơn vị 't bad' không hợp lệ",
                "{\"row\":4,\"message\":\"Thiếu tên đơn vị.\"}",
                "{\"row\":5,\"message\":\"Đơn vị t-bad-1 đã có tên khác ở dòng 2",
                "{\"row\":6,\"message\":\"Tên đăng nhập 'sai ten' không hợp lệ",
                "{\"row\":7,\"message\":\"Thiếu email của người dùng thieu.email",
                "{\"row\":8,\"message\":\"Tên đăng nhập moj.focal đã được dùng cho một người không thuộc đơn vị nào của Bộ Công an");
        assertThat(answer.getBody()).doesNotContain("\"row\":2,");
        assertThat(identity.createGroupQuery().count()).as("no unit made").isEqualTo(groups);
        assertThat(identity.createUserQuery().count()).as("no account made").isEqualTo(users);

        ResponseEntity<String> header = upload("mps.focal", "mps", "ma_don_vi,ten,email\nx,y,z\n");
        assertThat(header.getBody()).contains("Dòng 1: thiếu cột ten_don_vi, ten_dang_nhap, ho_ten");
        ResponseEntity<String> latin1 = upload("mps.focal", "mps", null);
        assertThat(latin1.getBody()).contains("không được mã hoá UTF-8");
        assertThat(upload("moj.focal", "mps", "ma_don_vi,ten_don_vi,ten_dang_nhap,ho_ten,email\nt-x,X,,,\n").getBody())
                .contains(NOT_YOURS);
        assertThat(units.unit("mps.t-x")).isEmpty();
    }

    @Test
    void theTemplateIsACsvTheImportTakes() {
        ResponseEntity<byte[]> template = http.withBasicAuth("mps.focal", "demo")
                .getForEntity("/api/agencies/mps/units/template.csv", byte[].class);
        assertThat(template.getStatusCode().value()).isEqualTo(200);
        String text = new String(template.getBody(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFma_don_vi,ten_don_vi,ten_dang_nhap,ho_ten,email");
        assertThat(template.getHeaders().getContentDisposition().getFilename()).isEqualTo("mau-don-vi.csv");
        assertThat(http.withBasicAuth("mps.lead", "demo").getForEntity("/api/agencies/mps/units/template.csv", String.class)
                .getStatusCode().value()).isEqualTo(403);
        // the template's example people would be real accounts: a dry look at it through the import of another agency
        ResponseEntity<String> imported = upload("admin", "moj", text.replace("v03,", "t-tpl,").replace("ca-hanoi", "t-tpl-hn")
                .replace("nguyen.van.an", "t.nguyen.van.an"));
        assertThat(imported.getStatusCode().value()).as(imported.getBody()).isEqualTo(200);
        assertThat(units.of("moj")).extracting(AgencyUnit::code).contains("t-tpl", "t-tpl-hn");
    }

    // --

    /** Every request of the API on {@code agency}'s units, with bodies that would change something if let through. */
    private static List<String[]> writesAndReads(String agency) {
        String units = "/api/agencies/" + agency + "/units";
        return List.of(
                new String[] {"GET", units, null},
                new String[] {"GET", units + "/template.csv", null},
                new String[] {"POST", units, "{\"code\":\"t-taken\",\"name\":\"Đơn vị chiếm\"}"},
                new String[] {"PUT", units + "/t-guarded", "{\"name\":\"Đổi tên trái phép\"}"},
                new String[] {"DELETE", units + "/t-guarded", null},
                new String[] {"POST", units + "/t-guarded/people", person("ke.gian", "Kẻ Gian", "k@example.vn", GOOD_PASSWORD)},
                new String[] {"DELETE", units + "/v03/people/mps.v03.focal", null});
    }

    private void unit(String agency, String code, String name) {
        ResponseEntity<String> answer = send(agency + ".focal", HttpMethod.POST, "/api/agencies/" + agency + "/units",
                "{\"code\":\"" + code + "\",\"name\":\"" + name + "\"}");
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
    }

    private static String person(String userId, String fullName, String email, String password) {
        return "{\"userId\":\"" + userId + "\",\"fullName\":\"" + fullName + "\",\"email\":\"" + email + "\",\"password\":\""
                + password + "\"}";
    }

    private String page(String user, String path) {
        return http.withBasicAuth(user, "demo").getForObject(path, String.class);
    }

    private ResponseEntity<String> send(String user, HttpMethod method, String path, String body) {
        return http.withBasicAuth(user, user.equals("admin") ? ADMIN_PASSWORD : "demo").exchange(path, method, json(body), String.class);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    /** {@code csv} as UTF-8, or (null) a file in Windows-1258's bytes. */
    private ResponseEntity<String> upload(String user, String agency, String csv) {
        byte[] bytes = csv != null ? csv.getBytes(StandardCharsets.UTF_8)
                : "ma_don_vi,ten_don_vi\nt-w,C\u00f4ng an\n".getBytes(StandardCharsets.ISO_8859_1);
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return "don-vi.csv";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, user.equals("admin") ? ADMIN_PASSWORD : "demo")
                .exchange("/api/agencies/" + agency + "/units/import", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }
}
