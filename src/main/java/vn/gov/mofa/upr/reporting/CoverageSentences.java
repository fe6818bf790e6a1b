package vn.gov.mofa.upr.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A round's coverage in sentences (messages {@code round.coverage.*}): what MOFA confirms before opening the round
 * and reads on the round's page afterwards. A reason nobody falls under is not mentioned.
 */
@Component
public class CoverageSentences {

    private final MessageSource messages;

    public CoverageSentences(MessageSource messages) {
        this.messages = messages;
    }

    public List<String> of(RoundCoverage coverage, Locale locale) {
        List<String> sentences = new ArrayList<>();
        if (coverage.inScope() == 0) {
            sentences.add(text("round.coverage.empty", locale));
            return sentences;
        }
        sentences.add(text("round.coverage.requested", locale, coverage.requested(), coverage.inScope()));
        if (coverage.awaitingPlan() > 0) {
            sentences.add(text("round.coverage.awaitingPlan", locale, coverage.awaitingPlan()));
        }
        if (coverage.leftOut() > 0) {
            List<String> reasons = new ArrayList<>();
            reason(reasons, "round.coverage.noAgencies", coverage.noAgencies(), locale);
            reason(reasons, "round.coverage.planOpen", coverage.planOpen(), locale);
            reason(reasons, "round.coverage.closed", coverage.closed(), locale);
            reason(reasons, "round.coverage.inOtherRound", coverage.inOtherRound(), locale);
            sentences.add(text("round.coverage.leftOut", locale, coverage.leftOut(), String.join("; ", reasons)));
        }
        if (coverage.planOpen() > 0) {
            sentences.add(text("round.coverage.planOpenHint", locale));
        }
        return sentences;
    }

    private void reason(List<String> reasons, String key, int count, Locale locale) {
        if (count > 0) {
            reasons.add(text(key, locale, count));
        }
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
