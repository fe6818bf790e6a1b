package vn.gov.mofa.upr.reporting;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the consolidated report prints that MOFA's office decides, from {@code upr.report}: the "Nơi nhận" list and
 * the signer's title (e.g. "KT. BỘ TRƯỞNG" over "THỨ TRƯỞNG", one line each).
 */
@ConfigurationProperties("upr.report")
public record ReportSettings(List<String> recipients, List<String> signerTitle) {

    public ReportSettings {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        signerTitle = signerTitle == null ? List.of() : List.copyOf(signerTitle);
    }
}
