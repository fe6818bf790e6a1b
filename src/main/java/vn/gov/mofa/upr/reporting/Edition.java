package vn.gov.mofa.upr.reporting;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Which edition of a consolidated report a file is: a draft regenerated on each download, the edition the MOFA leader
 * approved or returned (generated once at that moment and kept, {@link ReportEditions}), or an agency's extract.
 * {@code decidedBy} is the leader's full name, never a user id; {@code at} is local time (upr.zone).
 */
public record Edition(Kind kind, LocalDateTime at, String decidedBy, String comment) {

    public enum Kind {
        DRAFT("du-thao"), APPROVED("da-duyet"), RETURNED("tra-lai"), EXTRACT("ban-trich");

        private final String slug;

        Kind(String slug) {
            this.slug = slug;
        }

        /** The edition's part of a file name (ASCII). */
        public String slug() {
            return slug;
        }
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    public static Edition draft(LocalDateTime at) {
        return new Edition(Kind.DRAFT, at, null, null);
    }

    public static Edition extract(LocalDateTime at) {
        return new Edition(Kind.EXTRACT, at, null, null);
    }

    public boolean approved() {
        return kind == Kind.APPROVED;
    }

    /** What the first lines of an unsigned edition say it is; null for the approved one, which the signature says. */
    public String mark() {
        return switch (kind) {
            case DRAFT -> "DỰ THẢO (tạo lúc " + TIME.format(at) + ")";
            case RETURNED -> "DỰ THẢO BỊ TRẢ LẠI (lãnh đạo Bộ trả lại lúc " + TIME.format(at) + ")";
            case EXTRACT -> "BẢN TRÍCH GỬI CƠ QUAN (tạo lúc " + TIME.format(at) + ")";
            case APPROVED -> null;
        };
    }

    /** One line for a sheet or a page: what this edition is, when, by whom. */
    public String description() {
        return switch (kind) {
            case APPROVED -> "Bản đã phê duyệt lúc " + TIME.format(at) + (decidedBy == null ? "" : " — " + decidedBy);
            case RETURNED -> "Dự thảo bị trả lại lúc " + TIME.format(at) + (decidedBy == null ? "" : " — " + decidedBy)
                    + (comment == null || comment.isBlank() ? "" : ". Ý kiến của lãnh đạo: " + comment.strip());
            default -> mark();
        };
    }
}
