package vn.gov.mofa.upr.agencyplan;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import vn.gov.mofa.upr.agency.Agency;
import vn.gov.mofa.upr.agency.AgencyDirectory;
import vn.gov.mofa.upr.security.CurrentUser;

/**
 * Who reaches an agency's own grouping, plan document and progress view: its focal points (group {@code <agency>})
 * and leaders ({@code <agency>-leaders}) read them, MOFA reads every agency's; only the focal points change the
 * grouping. Its units' people (groups {@code <agency>.<unit>}) and other agencies are refused.
 */
@Component
class AgencyAccess {

    static final String UNKNOWN = "Không có cơ quan có mã '%s'.";
    static final String NOT_READABLE = "Chỉ đầu mối, lãnh đạo của %s và Bộ Ngoại giao xem được kế hoạch và tiến độ riêng của cơ quan này.";
    static final String NOT_WRITABLE = "Chỉ đầu mối của %s sửa được các nhóm nội bộ và việc xếp khuyến nghị vào nhóm của cơ quan này.";

    private final AgencyDirectory agencies;

    AgencyAccess(AgencyDirectory agencies) {
        this.agencies = agencies;
    }

    /** The agency, when {@code user} may read its own things; otherwise 404 (no such agency) or 403. */
    Agency readable(String code, CurrentUser user) {
        Agency agency = known(code);
        if (!user.seesEverything() && !user.groups().contains(code) && !user.groups().contains(agency.leadersGroup())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, NOT_READABLE.formatted(agency.nameVi()));
        }
        return agency;
    }

    /** The agency, when {@code user} is one of its focal points; otherwise 404 or 403. */
    Agency writable(String code, CurrentUser user) {
        Agency agency = known(code);
        if (!user.groups().contains(code)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, NOT_WRITABLE.formatted(agency.nameVi()));
        }
        return agency;
    }

    private Agency known(String code) {
        return agencies.byCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, UNKNOWN.formatted(code)));
    }
}
