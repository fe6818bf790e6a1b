package vn.gov.mofa.upr.reporting;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

/**
 * File names that say which round and which edition a file is, in ASCII so that every mail client and file system
 * keeps them: {@code bao-cao-giua-ky-dot-1-du-thao-2026-12-01.docx}, {@code upr-matrix-cycle-4-2026-12-01.xlsx}.
 */
@Component
public class ReportFileNames {

    private final ReportingRounds rounds;

    public ReportFileNames(ReportingRounds rounds) {
        this.rounds = rounds;
    }

    public String consolidated(ReportingRound round, Edition edition, ReportFormat format) {
        return kindSlug(round.kind()) + "-dot-" + rounds.ordinal(round) + "-" + edition.kind().slug() + "-"
                + edition.at().toLocalDate() + format.extension();
    }

    public String matrix(ReportingRound round, LocalDate on, ReportFormat format) {
        return "upr-matrix-" + englishSlug(round.kind()) + "-round-" + rounds.ordinal(round) + "-" + on + format.extension();
    }

    public static String cycleMatrix(int cycle, LocalDate on, ReportFormat format) {
        return "upr-matrix-cycle-" + cycle + "-" + on + format.extension();
    }

    /** {@code attachment} with the name twice: plain for old clients, RFC 6266 {@code filename*} for the others. */
    public static String contentDisposition(String fileName) {
        return "attachment; filename=\"" + fileName + "\"; filename*=UTF-8''" + fileName;
    }

    private static String kindSlug(String kind) {
        return switch (kind) {
            case "MID_TERM" -> "bao-cao-giua-ky";
            case "NATIONAL_REPORT" -> "bao-cao-quoc-gia";
            default -> "bao-cao-dot-xuat";
        };
    }

    private static String englishSlug(String kind) {
        return switch (kind) {
            case "MID_TERM" -> "mid-term";
            case "NATIONAL_REPORT" -> "national-report";
            default -> "ad-hoc";
        };
    }
}
