package vn.gov.mofa.upr.notification;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import vn.gov.mofa.upr.agency.AgencyDirectory;

/** At a round's agency deadline: each late agency's leaders learn which reports are still missing. */
@Service
public class MissingReportNotices {

    static final String MISSING_REPORTS = "missing-reports";

    private final AgencyDirectory agencies;
    private final Recipients recipients;
    private final MailOutbox outbox;
    private final MailTemplates templates;

    public MissingReportNotices(AgencyDirectory agencies, Recipients recipients, MailOutbox outbox, MailTemplates templates) {
        this.agencies = agencies;
        this.recipients = recipients;
        this.outbox = outbox;
        this.templates = templates;
    }

    public void reportsMissing(String agency, String roundName, List<String> numbers, String roundId) {
        String subject = "[UPR] Chưa gửi báo cáo: " + roundName + " — " + numbers.size() + " khuyến nghị";
        for (Recipient to : recipients.leaders(agency)) {
            outbox.enqueue(MISSING_REPORTS, to, templates.render(MISSING_REPORTS, subject, Map.of("subject", subject,
                    "recipient", to.name(), "agencyName", agencies.namesOf(agency), "roundName", roundName,
                    "numbers", numbers)), roundId);
        }
    }
}
