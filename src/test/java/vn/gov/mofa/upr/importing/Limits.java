package vn.gov.mofa.upr.importing;

import org.springframework.util.unit.DataSize;

/** Import limits for reader tests: those of application.yaml, or a small row limit to test it without big files. */
final class Limits {

    static final ImportLimits AS_CONFIGURED = rows(5000);

    private Limits() {
    }

    static ImportLimits rows(int maxRows) {
        return new ImportLimits(maxRows, DataSize.ofMegabytes(10), DataSize.ofMegabytes(30));
    }

    static ImportLimits unpacked(DataSize maxUnpackedSize) {
        return new ImportLimits(5000, DataSize.ofMegabytes(10), maxUnpackedSize);
    }
}
