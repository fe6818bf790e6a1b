package vn.gov.mofa.upr.security;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;
import vn.gov.mofa.upr.agency.Agency;

/** Who is calling the application's own endpoints, with the Camunda groups that decide what they may see. */
public record CurrentUser(String userId, List<String> groups) {

    static final String REQUEST_ATTRIBUTE = CurrentUser.class.getName();
    public static final String ADMIN_GROUP = "camunda-admin";
    private static final String LEADERS_SUFFIX = Agency.leadersGroupOf("");

    public static CurrentUser of(HttpServletRequest request) {
        return (CurrentUser) request.getAttribute(REQUEST_ATTRIBUTE);
    }

    /** The caller when a MOFA officer; otherwise 403 with {@code refusal} (Vietnamese, for the user). */
    public static CurrentUser mofaOfficer(HttpServletRequest request, String refusal) {
        CurrentUser user = of(request);
        if (!user.isMofaOfficer()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, refusal);
        }
        return user;
    }

    /** The caller when an administrator; otherwise 403 with {@code refusal} (Vietnamese, for the user). */
    public static CurrentUser administrator(HttpServletRequest request, String refusal) {
        CurrentUser user = of(request);
        if (!user.groups().contains(ADMIN_GROUP)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, refusal);
        }
        return user;
    }

    /** MOFA officers and leaders, and administrators, see every agency's work. */
    public boolean seesEverything() {
        return groups.contains(Agency.MOFA) || groups.contains(Agency.leadersGroupOf(Agency.MOFA)) || groups.contains(ADMIN_GROUP);
    }

    /** Only MOFA officers (and administrators) import lists and open reporting rounds. */
    public boolean isMofaOfficer() {
        return groups.contains(Agency.MOFA) || groups.contains(ADMIN_GROUP);
    }

    /** The agencies whose work this user may see: their own, as focal point or as leader. */
    public List<String> agencies() {
        return groups.stream().map(g -> g.endsWith(LEADERS_SUFFIX) ? g.substring(0, g.length() - LEADERS_SUFFIX.length()) : g)
                .distinct().toList();
    }

    /**
     * Whether the user works only in units of an agency (groups {@code <agency>.<unit>}): they see no recommendation,
     * only the parts delegated to their unit, so the pages that list recommendations have nothing for them.
     */
    public boolean worksInUnitsOnly() {
        return !seesEverything() && !groups.isEmpty() && groups.stream().allMatch(group -> group.contains("."));
    }

    /** null when the user sees everything: the registry's filter convention. */
    public List<String> visibleAgencies() {
        return seesEverything() ? null : agencies();
    }
}
