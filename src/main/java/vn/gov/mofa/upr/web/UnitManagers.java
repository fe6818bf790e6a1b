package vn.gov.mofa.upr.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import vn.gov.mofa.upr.agency.Agency;
import vn.gov.mofa.upr.agency.AgencyDirectory;
import vn.gov.mofa.upr.security.CurrentUser;

/**
 * Who manages an agency's units: its focal points (members of the agency's own group, so MOFA's officers for MOFA
 * only) and administrators. Not its leaders, not its units' people, not another agency, not MOFA for another agency.
 * The header's link asks here too ({@code @unitManagers}).
 */
@Component
public class UnitManagers {

    static final String REFUSAL = "Chỉ đầu mối của cơ quan (hoặc quản trị hệ thống) được quản lý các đơn vị của cơ quan đó.";

    private final AgencyDirectory agencies;

    public UnitManagers(AgencyDirectory agencies) {
        this.agencies = agencies;
    }

    /** The agencies whose units this user manages: every agency for an administrator. */
    public List<Agency> managedBy(CurrentUser user) {
        if (user == null) {
            return List.of();
        }
        boolean administrator = user.groups().contains(CurrentUser.ADMIN_GROUP);
        return agencies.all().stream().filter(agency -> administrator || user.groups().contains(agency.code())).toList();
    }

    public boolean managesAny(CurrentUser user) {
        return !managedBy(user).isEmpty();
    }

    /** The agency, when this user manages its units; otherwise 403 (404 for an administrator naming no agency). */
    Agency agencyManagedBy(CurrentUser user, String code) {
        if (!user.groups().contains(CurrentUser.ADMIN_GROUP) && !user.groups().contains(code)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, REFUSAL);
        }
        return agencies.byCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "Không có cơ quan mã '" + code + "'."));
    }
}
