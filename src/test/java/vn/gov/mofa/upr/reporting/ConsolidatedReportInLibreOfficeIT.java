package vn.gov.mofa.upr.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Word report and the English matrix open in LibreOffice, as MOFA's officers will open them: converted to PDF by
 * Debian's LibreOffice ({@code .ci/run} installs it), then read back with pdftotext. The first page of each is also
 * rendered to PNG (pdftoppm) under {@code target/screenshots}, the pictures of src/site/screenshots.
 */
class ConsolidatedReportInLibreOfficeIT {

    private Path dir;

    @BeforeEach
    void needsLibreOffice() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/soffice")) && Files.isExecutable(Path.of("/usr/bin/pdftotext")),
                "LibreOffice or pdftotext not installed: apt-get install libreoffice-writer-nogui poppler-utils");
        dir = Files.createTempDirectory("upr-docx");
    }

    @Test
    void theApprovedReportOpensInLibreOfficeWithTheDecreesParts() throws Exception {
        byte[] docx = new ConsolidatedReportDocument(ConsolidatedReportDocumentTest.SETTINGS)
                .bytesOf(ConsolidatedReportDocumentTest.midTermReport(ConsolidatedReportDocumentTest.APPROVED));
        String text = pdfText(docx, "bao-cao");
        assertThat(text).contains("BỘ NGOẠI GIAO", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "Số: ...../BC-BNG", "Hà Nội, ngày 05 tháng 02 năm 2027", "BÁO CÁO", "Kính gửi: Thủ tướng Chính phủ",
                "Tổng quan", "Nhóm 1.", "Đã thực hiện đầy đủ", "Nơi nhận:", "Lưu: VT, TCQT.", "THỨ TRƯỞNG", "Đỗ Hùng Việt");
        assertThat(text).doesNotContainIgnoringCase("dự thảo");
    }

    @Test
    void theEnglishMatrixOpensInLibreOffice() throws Exception {
        ImplementationMatrix matrix = new ImplementationMatrix("UPR implementation matrix — Mid-term report 2027",
                LocalDate.of(2027, 2, 5), List.of(
                        new ImplementationMatrix.Row(4, "143.10", "Take the necessary steps for timely ratification of CAT",
                                List.of("Norway"), "Group 1: Rule of law", "Ministry of Justice",
                                ImplementationStatus.FULLY_IMPLEMENTED, ImplementationMatrix.NO_SUMMARY),
                        new ImplementationMatrix.Row(4, "143.2", "Ensure that any law governing the Internet complies with ICCPR",
                                List.of("Sweden", "Canada"), "Group 3: Civil and political rights", "Ministry of Public Security",
                                ImplementationStatus.IN_PROGRESS, ImplementationMatrix.NO_SUMMARY)));
        String text = pdfText(new MatrixDocument().bytesOf(matrix), "matrix");
        assertThat(text).contains("UPR implementation matrix", "Recommending", "Status of", "143.10",
                "Implemented", "In progress", "Ministry of", "No English summary provided");
        assertThat(text.indexOf("143.2")).as("natural number order").isLessThan(text.indexOf("143.10"));
    }

    private String pdfText(byte[] docx, String name) throws Exception {
        Path file = dir.resolve(name + ".docx");
        Files.write(file, docx);
        run("/usr/bin/soffice", "--headless", "-env:UserInstallation=file://" + dir.resolve("profile"),
                "--convert-to", "pdf", "--outdir", dir.toString(), file.toString());
        Path pdf = dir.resolve(name + ".pdf");
        assertThat(pdf).exists();
        run("/usr/bin/pdftotext", "-layout", pdf.toString(), dir.resolve(name + ".txt").toString());
        if (Files.isExecutable(Path.of("/usr/bin/pdftoppm"))) {
            Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
            run("/usr/bin/pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf.toString(),
                    screenshots.toAbsolutePath().resolve(name).toString());
        }
        return Files.readString(dir.resolve(name + ".txt"), StandardCharsets.UTF_8);
    }

    private void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.log").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("out.log"))).isZero();
    }
}
