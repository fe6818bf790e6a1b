package vn.gov.mofa.upr.agencyplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import vn.gov.mofa.upr.agency.Agency;
import vn.gov.mofa.upr.agencyplan.AgencyPlan.Row;
import vn.gov.mofa.upr.agencyplan.AgencyPlan.Section;

/**
 * MPS's own plan opens in LibreOffice as its officers will open it: converted to PDF by Debian's LibreOffice, read back
 * with pdftotext; the first page also goes to {@code target/screenshots/agency-plan.png} (pdftoppm).
 */
class AgencyPlanInLibreOfficeIT {

    static final AgencyPlan PLAN = new AgencyPlan(new Agency("mps", "Bộ Công an", "Ministry of Public Security", "ministry"), 4,
            LocalDate.of(2026, 11, 30), List.of(
                    new Section(new InternalGroup("1", "Nhóm 1: Quyền dân sự, chính trị"), List.of(
                            new Row("143.2", "Bảo đảm mọi luật điều chỉnh Internet phù hợp với Công ước ICCPR", "Chủ trì",
                                    List.of("Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao", "Vụ Pháp chế"),
                                    "Nguyễn Văn An, 069 123 456", "Rà soát Luật An ninh mạng\nTổ chức hội thảo với các bộ, ngành",
                                    "Hạn nội bộ: 15/03/2027\nHạn hoàn thành: 30/06/2027", "Báo cáo rà soát", true),
                            new Row("143.10", "Phê chuẩn kịp thời Công ước chống tra tấn", "Phối hợp (chủ trì: Bộ Tư pháp)",
                                    List.of("Bộ Công an (đầu mối)"), "", "Cung cấp số liệu về trại tạm giam", "", "", false))),
                    new Section(new InternalGroup("7", "Nhóm 7: Hợp tác quốc tế"), List.of(
                            new Row("145.1", "Tăng cường hợp tác quốc tế phòng, chống mua bán người", "Chủ trì",
                                    List.of("Cục Cảnh sát hình sự"), "Trần Thị Bình", "Ký kết 2 thỏa thuận song phương",
                                    "Hạn hoàn thành: 31/12/2028", "Thỏa thuận được ký", true)))));

    @Test
    void mpsOwnPlanOpensInLibreOfficeWithItsGroupsUnitsAndDeadlines() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/soffice")) && Files.isExecutable(Path.of("/usr/bin/pdftotext")),
                "LibreOffice or pdftotext not installed: apt-get install libreoffice-writer-nogui poppler-utils");
        Path dir = Files.createTempDirectory("upr-agency-plan");
        Path docx = dir.resolve("agency-plan.docx");
        Files.write(docx, new AgencyPlanDocument().bytesOf(PLAN));
        run(dir, "/usr/bin/soffice", "--headless", "-env:UserInstallation=file://" + dir.resolve("profile"),
                "--convert-to", "pdf", "--outdir", dir.toString(), docx.toString());
        Path pdf = dir.resolve("agency-plan.pdf");
        assertThat(pdf).exists();
        run(dir, "/usr/bin/pdftotext", pdf.toString(), dir.resolve("agency-plan.txt").toString());
        if (Files.isExecutable(Path.of("/usr/bin/pdftoppm"))) {
            Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
            run(dir, "/usr/bin/pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf.toString(),
                    screenshots.toAbsolutePath().resolve("agency-plan").toString());
        }
        String text = Files.readString(dir.resolve("agency-plan.txt"), StandardCharsets.UTF_8);
        assertThat(text).contains("BỘ CÔNG AN", "Số: ...../KH-MPS", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày ... tháng ... năm 2026", "KẾ HOẠCH",
                "Nhóm 1: Quyền dân sự, chính trị (2 khuyến nghị)", "Nhóm 7: Hợp tác quốc tế (1 khuyến nghị)", "143.2",
                "Vụ Pháp chế", "Trần Thị Bình", "Rà soát Luật An ninh mạng", "15/03/2027", "30/06/2027",
                "Kế hoạch chưa được Bộ", "Nơi nhận:", "THỦ TRƯỞNG CƠ QUAN");
        assertThat(text.indexOf("Nhóm 1: Quyền dân sự")).isLessThan(text.indexOf("143.10"));
        assertThat(text.indexOf("143.10")).isLessThan(text.indexOf("Nhóm 7: Hợp tác quốc tế"));
    }

    private static void run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.log").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("out.log"))).isZero();
    }
}
