package vn.gov.mofa.upr.casefile;

import java.text.NumberFormat;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large one evidence file may be ({@code upr.evidence.max-file-size}): a scanned decision or a report with
 * photographs, kept in the database. Spring's multipart limit must be at least this (application.yaml).
 */
@ConfigurationProperties("upr.evidence")
public record EvidenceLimits(@DefaultValue("20MB") DataSize maxFileSize) {

    String tooLarge() {
        return "Tệp quá lớn; mỗi tệp tối đa %s MB. Chưa lưu gì."
                .formatted(NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN")).format(maxFileSize.toMegabytes()));
    }
}
