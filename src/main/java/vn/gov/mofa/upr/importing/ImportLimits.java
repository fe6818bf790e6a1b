package vn.gov.mofa.upr.importing;

import java.text.NumberFormat;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How much one uploaded list may hold ({@code upr.import}), so that an upload, whatever it holds, is answered in
 * seconds with the server's memory to spare. A UPR cycle has about 300 recommendations.
 *
 * @param maxRows         rows with a value, the header included (CSV lines, rows of every sheet, rows of the Word
 *                        tables), checked while the file is read
 * @param maxFileSize     the upload itself (Spring's multipart limit takes the same value)
 * @param maxUnpackedSize all the parts of an XLSX/DOCX once unzipped: what POI would hold in memory
 */
@ConfigurationProperties("upr.import")
public record ImportLimits(int maxRows, DataSize maxFileSize, DataSize maxUnpackedSize) {

    private static final String SPLIT = "Chưa nhập gì: hãy chia danh sách thành nhiều tệp nhỏ hơn (mỗi tệp giữ dòng tiêu đề) "
            + "rồi nhập lần lượt từng tệp.";

    String tooManyRows() {
        return "Tệp có hơn %s dòng; mỗi lần nhập nhận tối đa %s dòng (kể cả dòng tiêu đề; với Excel, tính mọi trang tính). %s"
                .formatted(number(maxRows), number(maxRows), SPLIT);
    }

    public String tooLarge() {
        return "Tệp quá lớn; giới hạn là %s MB. %s".formatted(number(maxFileSize.toMegabytes()), SPLIT);
    }

    String tooLargeUnpacked() {
        return ("Tệp Excel/Word khi giải nén lớn hơn %s MB (thường do hình ảnh hoặc trang tính rất lớn). Hãy xoá hình ảnh "
                + "và trang tính không cần thiết, hoặc chia danh sách thành nhiều tệp nhỏ hơn rồi nhập lần lượt từng tệp.")
                .formatted(number(maxUnpackedSize.toMegabytes()));
    }

    /** Numbers as Vietnamese read them: 5.000. */
    static String number(long value) {
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN")).format(value);
    }
}
