package vn.gov.mofa.upr.casefile;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

import vn.gov.mofa.upr.system.FileSignature;

/** The kinds of evidence file accepted, each with the extensions it may carry and what its content must start with. */
enum EvidenceType {

    PDF("application/pdf", FileSignature::isPdf, "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            file -> file.isZipWithPart("word/document.xml"), "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            file -> file.isZipWithPart("xl/workbook.xml"), "xlsx"),
    PNG("image/png", FileSignature::isPng, "png"),
    JPEG("image/jpeg", FileSignature::isJpeg, "jpg", "jpeg");

    static final String ACCEPTED = "PDF, DOCX, XLSX, PNG, JPEG";

    private final String mediaType;
    private final Predicate<FileSignature> content;
    private final String[] extensions;

    EvidenceType(String mediaType, Predicate<FileSignature> content, String... extensions) {
        this.mediaType = mediaType;
        this.content = content;
        this.extensions = extensions;
    }

    static Optional<EvidenceType> byName(FileSignature file) {
        return Arrays.stream(values()).filter(type -> file.hasExtension(type.extensions)).findFirst();
    }

    boolean matches(FileSignature file) {
        return content.test(file);
    }

    String mediaType() {
        return mediaType;
    }
}
