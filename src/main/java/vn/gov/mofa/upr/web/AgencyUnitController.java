package vn.gov.mofa.upr.web;

import java.io.IOException;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.gov.mofa.upr.agency.Agency;
import vn.gov.mofa.upr.agency.AgencyUnit;
import vn.gov.mofa.upr.agency.UnitAdministration;
import vn.gov.mofa.upr.agency.UnitPerson;
import vn.gov.mofa.upr.agency.UnitRosterImport;
import vn.gov.mofa.upr.security.ApiAuthenticationFilter;
import vn.gov.mofa.upr.security.CurrentUser;

/**
 * {@code /agency-units}: an agency's focal point manages the agency's units and their people ({@link UnitManagers} says
 * who may, for which agency), on the page or through {@code /api/agencies/{agency}/units}.
 */
@Controller
public class AgencyUnitController {

    private final UnitManagers managers;
    private final UnitAdministration administration;
    private final UnitRosterImport rosterImport;

    public AgencyUnitController(UnitManagers managers, UnitAdministration administration, UnitRosterImport rosterImport) {
        this.managers = managers;
        this.administration = administration;
        this.rosterImport = rosterImport;
    }

    /** A unit's code and name, as the page's forms send them. */
    public record UnitFields(String code, String name) {
    }

    /** A person to add: all fields for a new account, only {@code userId} for someone already in another unit. */
    public record PersonFields(String userId, String fullName, String email, String password) {
    }

    /**
     * Whether the caller manages some agency's units, for the webapps' menu (upr-pages.js), without rendering the page:
     * the page writes the session's form token, and this probe runs beside Tasklist's first requests of a session.
     */
    @RequestMapping(path = "/agency-units", method = RequestMethod.HEAD)
    public ResponseEntity<Void> probe(HttpServletRequest request) {
        return ResponseEntity.status(managers.managedBy(CurrentUser.of(request)).isEmpty() ? 403 : 200).build();
    }

    @GetMapping("/agency-units")
    public String page(@RequestParam(required = false) String agency, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        CurrentUser user = CurrentUser.of(request);
        model.addAttribute("user", user);
        List<Agency> managed = managers.managedBy(user);
        if (managed.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("reason", UnitManagers.REFUSAL);
            return "forbidden";
        }
        Agency shown = agency == null || agency.isBlank()
                ? managed.size() == 1 ? managed.get(0) : null
                : managers.agencyManagedBy(user, agency);
        model.addAttribute("managed", managed);
        model.addAttribute("agency", shown);
        List<UnitAdministration.Roster> rosters = shown == null ? List.of() : administration.rosters(shown.code());
        model.addAttribute("rosters", rosters);
        // for "add someone already in another unit"
        model.addAttribute("people", rosters.stream().flatMap(roster -> roster.people().stream()).distinct().toList());
        model.addAttribute("csrf", ApiAuthenticationFilter.csrfToken(request));
        return "agency-units";
    }

    @GetMapping("/api/agencies/{agency}/units")
    @ResponseBody
    public List<UnitAdministration.Roster> list(@PathVariable String agency, HttpServletRequest request) {
        return administration.rosters(managed(request, agency));
    }

    @PostMapping("/api/agencies/{agency}/units")
    @ResponseBody
    public ResponseEntity<AgencyUnit> create(@PathVariable String agency, @RequestBody UnitFields unit,
            HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(administration.create(managed(request, agency), unit.code(), unit.name()));
    }

    @PutMapping("/api/agencies/{agency}/units/{unit}")
    @ResponseBody
    public AgencyUnit rename(@PathVariable String agency, @PathVariable String unit, @RequestBody UnitFields fields,
            HttpServletRequest request) {
        return administration.rename(managed(request, agency), unit, fields.name());
    }

    @DeleteMapping("/api/agencies/{agency}/units/{unit}")
    public ResponseEntity<Void> remove(@PathVariable String agency, @PathVariable String unit, HttpServletRequest request) {
        administration.remove(managed(request, agency), unit);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/agencies/{agency}/units/{unit}/people")
    @ResponseBody
    public ResponseEntity<UnitPerson> addPerson(@PathVariable String agency, @PathVariable String unit,
            @RequestBody PersonFields person, HttpServletRequest request) {
        String code = managed(request, agency);
        UnitPerson added = person.password() == null && person.fullName() == null && person.email() == null
                ? administration.addExisting(code, unit, person.userId())
                : administration.addNew(code, unit, new UnitPerson(person.userId(), person.fullName(), person.email()),
                        person.password());
        return ResponseEntity.status(HttpStatus.CREATED).body(added);
    }

    @DeleteMapping("/api/agencies/{agency}/units/{unit}/people/{userId}")
    public ResponseEntity<Void> removePerson(@PathVariable String agency, @PathVariable String unit,
            @PathVariable String userId, HttpServletRequest request) {
        administration.removePerson(managed(request, agency), unit, userId);
        return ResponseEntity.noContent().build();
    }

    /** Multipart field {@code file}; 400 with every wrong row, and nothing written, when any row is wrong. */
    @PostMapping("/api/agencies/{agency}/units/import")
    @ResponseBody
    public ResponseEntity<UnitRosterImport.Outcome> importRoster(@PathVariable String agency,
            @RequestParam(name = "file", required = false) MultipartFile file, HttpServletRequest request) throws IOException {
        // the file is optional to Spring so that whoever may not import is told so before anything about the file
        String code = managed(request, agency);
        if (file == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Thiếu tệp CSV (trường 'file' của biểu mẫu tải lên).");
        }
        UnitRosterImport.Outcome outcome = rosterImport.importFile(code, file.getBytes());
        return ResponseEntity.status(outcome.ok() ? HttpStatus.OK : HttpStatus.BAD_REQUEST).body(outcome);
    }

    @GetMapping("/api/agencies/{agency}/units/template.csv")
    public ResponseEntity<byte[]> template(@PathVariable String agency, HttpServletRequest request) {
        managed(request, agency);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("mau-don-vi.csv").build()
                        .toString())
                .body(UnitRosterImport.template());
    }

    private String managed(HttpServletRequest request, String agency) {
        return managers.agencyManagedBy(CurrentUser.of(request), agency).code();
    }
}
