package vn.gov.mofa.upr.agency;

import org.camunda.bpm.engine.identity.User;

/** A person's name as mails, signatures and pages show it: Camunda's first and last name; empty when neither is set. */
public final class FullNames {

    private FullNames() {
    }

    public static String of(User user) {
        return ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
    }
}
