package vn.gov.mofa.upr.agency;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Why a change to an agency's units was not made, in Vietnamese for the focal point; nothing was changed. */
public class UnitRefusal extends ResponseStatusException {

    private UnitRefusal(HttpStatus status, String reason) {
        super(status, reason);
    }

    static UnitRefusal invalid(String reason) {
        return new UnitRefusal(HttpStatus.BAD_REQUEST, reason);
    }

    static UnitRefusal missing(String reason) {
        return new UnitRefusal(HttpStatus.NOT_FOUND, reason);
    }

    static UnitRefusal conflict(String reason) {
        return new UnitRefusal(HttpStatus.CONFLICT, reason);
    }
}
