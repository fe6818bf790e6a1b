package vn.gov.mofa.upr.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Word draft opens in LibreOffice, as MOFA's officers will open it: converted to PDF by Debian's LibreOffice
 * ({@code .ci/run} installs it), then read back with pdftotext.
 */
class ConsolidatedReportInLibreOfficeIT {

    @Test
    void theDraftOpensInLibreOfficeAndReadsInVietnamese() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/soffice")) && Files.isExecutable(Path.of("/usr/bin/pdftotext")),
                "LibreOffice or pdftotext not installed: apt-get install libreoffice-writer-nogui poppler-utils");
        Path dir = Files.createTempDirectory("upr-docx");
        Path docx = dir.resolve("bao-cao.docx");
        Files.write(docx, new ConsolidatedReportDocument().bytesOf(ConsolidatedReportDocumentTest.midTermReport()));

        run(dir, "/usr/bin/soffice", "--headless", "-env:UserInstallation=file://" + dir.resolve("profile"),
                "--convert-to", "pdf", "--outdir", dir.toString(), docx.toString());
        Path pdf = dir.resolve("bao-cao.pdf");
        assertThat(pdf).exists();
        run(dir, "/usr/bin/pdftotext", "-layout", pdf.toString(), dir.resolve("bao-cao.txt").toString());
        String text = Files.readString(dir.resolve("bao-cao.txt"), StandardCharsets.UTF_8);
        assertThat(text).contains("BÁO CÁO TỔNG HỢP", "Tổng quan", "Nhóm 1.", "Đã thực hiện đầy đủ");
    }

    private static void run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.log").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("out.log"))).isZero();
    }
}
