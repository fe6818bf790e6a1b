package vn.gov.mofa.upr.importing;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/** The reviewed state's answer to a recommendation. */
public enum Response {
    SUPPORTED, NOTED;

    /**
     * Reads the wording found in annexes and UN lists, in English or Vietnamese. An empty value is
     * SUPPORTED because lists prepared before the state answers (like the 2014 Viet Nam list) leave it
     * blank, and only accepted recommendations are followed up anyway. Empty optional = unknown wording.
     */
    static Optional<Response> fromWording(String wording) {
        if (wording == null || wording.isBlank()) {
            return Optional.of(SUPPORTED);
        }
        String key = Normalizer.normalize(wording.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        if (key.endsWith(".")) {
            key = key.substring(0, key.length() - 1).strip();
        }
        return switch (key) {
            case "supported", "accepted", "chấp thuận", "ủng hộ" -> Optional.of(SUPPORTED);
            case "noted", "ghi nhận" -> Optional.of(NOTED);
            default -> Optional.empty();
        };
    }
}
