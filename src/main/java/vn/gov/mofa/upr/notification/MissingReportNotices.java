package vn.gov.mofa.upr.notification;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import vn.gov.mofa.upr.agency.AgencyDirectory;

/** At a round's agency deadline: each late agency's leaders learn which reports are still missing. */
@Service
public class MissingReportNotices {

    private final AgencyDirectory agencies;
    private final Recipients recipients;
    private final MailComposer mails;
    private final TasklistLinks links;

    public MissingReportNotices(AgencyDirectory agencies, Recipients recipients, MailComposer mails, TasklistLinks links) {
        this.agencies = agencies;
        this.recipients = recipients;
        this.mails = mails;
        this.links = links;
    }

    public void reportsMissing(String agency, String roundName, List<String> numbers, String roundId) {
        String link = links.dashboard();
        for (Recipient to : recipients.leaders(agency)) {
            mails.queue(MailKind.MISSING_REPORTS, to, language -> Map.of(
                    "agencyName", TaskFacts.agencyName(agency, language, agencies), "roundName", roundName,
                    "numbers", numbers, "link", link), roundId, link);
        }
    }
}
