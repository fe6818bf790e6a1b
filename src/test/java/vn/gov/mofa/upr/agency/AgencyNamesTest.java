package vn.gov.mofa.upr.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.gov.mofa.upr.agency.AgencyNames.Kind;
import vn.gov.mofa.upr.agency.AgencyNames.Mention;
import vn.gov.mofa.upr.agency.AgencyNames.Reading;

/** Cells as ministries write them, read against the agency list. */
class AgencyNamesTest {

    private final AgencyNames names = new AgencyNames(new AgencyDirectory());

    private List<String> codes(String cell) {
        Reading reading = names.read(cell);
        assertThat(reading.unknown()).as("nothing unknown in " + cell).isEmpty();
        return reading.agencies().stream().map(m -> m.agency().code()).toList();
    }

    @Test
    void officialNamesWithCommasAndHyphensAreNotCutAtThem() {
        assertThat(codes("Bộ Văn hóa, Thể thao và Du lịch, Bộ Công an")).containsExactly("mocst", "mps");
        assertThat(codes("Bộ Lao động - Thương binh và Xã hội; Bộ Y tế")).containsExactly("moha", "moh");
        assertThat(codes("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương, Bộ Tư pháp"))
                .containsExactly("ppc", "moj");
    }

    @Test
    void caseAccentsDashesSpacesAndLineBreaksDoNotMatter() {
        assertThat(codes("bộ  văn hoá ,thể thao và du lịch")).containsExactly("mocst");
        assertThat(codes("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH")).containsExactly("mocst");
        assertThat(codes(Normalizer.normalize("Bộ Văn hóa, Thể thao và Du lịch", Normalizer.Form.NFD)))
                .as("letters and accents stored apart, as Excel on macOS may").containsExactly("mocst");
        assertThat(codes("Bộ Lao động – Thương binh và Xã hội")).as("en dash").containsExactly("moha");
        assertThat(codes("Bộ Lao động-Thương binh và Xã hội")).containsExactly("moha");
        assertThat(codes("Bộ Văn hóa, Thể thao\nvà Du lịch")).as("a name wrapped in its cell").containsExactly("mocst");
        assertThat(codes("Bộ Công an\nBộ Quốc phòng\r\nBộ Tư pháp")).containsExactly("mps", "mod", "moj");
        assertThat(codes("- Bộ Y tế;\n- Bộ Giáo dục và Đào tạo.\n+ Bộ Tài chính")).containsExactly("moh", "moet", "mof");
        assertThat(codes("Bộ Công an và Bộ Quốc phòng")).containsExactly("mps", "mod");
        assertThat(codes("Bộ\u00A0Công an, mps, Ministry of Public Security")).as("one agency named three ways")
                .containsExactly("mps");
    }

    @ParameterizedTest
    @CsvSource({"BNG,mofa", "BCA,mps", "BQP,mod", "BTP,moj", "BNV,moha", "BTC,mof", "BCT,moit", "BNNMT,mae", "BXD,moc",
            "BVHTTDL,mocst", "BKHCN,most", "BGDĐT,moet", "BYT,moh", "BDTTG,mera", "NHNN,sbv", "TTCP,gi", "VPCP,ogo",
            "TANDTC,spc", "VKSNDTC,spp", "Bộ VHTTDL,mocst", "Bộ GD&ĐT,moet", "Bộ GD & ĐT,moet", "Bộ KH&CN,most",
            "bộ kh&cn,most", "VPQH,ona", "TTXVN,vna", "Bộ GD-ĐT,moet", "Bộ KH-CN,most", "Bộ VH-TT-DL,mocst"})
    void commonAbbreviationsResolve(String written, String code) {
        Reading reading = names.read(written);
        assertThat(reading.agencies()).singleElement().satisfies(mention -> {
            assertThat(mention.agency().code()).isEqualTo(code);
            assertThat(mention.kind()).isEqualTo(Kind.ABBREVIATION);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Bộ Lao động - Thương binh và Xã hội|moha", "Bộ LĐ-TB&XH|moha",
            "Bộ Tài nguyên và Môi trường|mae", "Bộ TN&MT|mae", "Bộ Nông nghiệp và Phát triển nông thôn|mae",
            "Bộ NN&PTNT|mae", "Bộ Kế hoạch và Đầu tư|mof", "Bộ KH&ĐT|mof", "Bộ Thông tin và Truyền thông|most",
            "Bộ TT&TT|most", "Ủy ban Dân tộc|mera", "Uỷ ban Dân tộc|mera", "Bộ Giao thông vận tải|moc",
            "Ban Tôn giáo Chính phủ|mera", "Bộ LĐ-TBXH|moha", "Bộ LĐTB-XH|moha", "Bộ TN-MT|mae", "Bộ NN-PTNT|mae",
            "Bộ KH-ĐT|mof", "Bộ TT-TT|most"})
    void namesFromBeforeThe2025ReorganisationMeanTheSuccessor(String written, String code) {
        Mention mention = names.read(written).agencies().get(0);
        assertThat(mention.agency().code()).isEqualTo(code);
        assertThat(mention.kind()).isEqualTo(Kind.FORMER);
        assertThat(mention.written()).isEqualTo(written);
        assertThat(mention.note()).contains("176/2025/QH15");
    }

    @Test
    void aFormerNameSaysWhereItsTasksWentWhenTheyWentElsewhere() {
        assertThat(names.read("Bộ Lao động - Thương binh và Xã hội").agencies().get(0).note())
                .contains("hợp nhất vào Bộ Nội vụ", "giáo dục nghề nghiệp chuyển Bộ Giáo dục và Đào tạo",
                        "trẻ em", "chuyển Bộ Y tế");
        assertThat(names.read("Bộ NN&PTNT").agencies().get(0).note())
                .contains("hợp nhất với Bộ Tài nguyên và Môi trường");
        assertThat(names.read("Bộ TN-MT").agencies().get(0).note())
                .contains("hợp nhất với Bộ Nông nghiệp và Phát triển nông thôn");
        assertThat(names.read("Bộ Thông tin và Truyền thông").agencies().get(0).note())
                .contains("báo chí, xuất bản chuyển Bộ Văn hóa, Thể thao và Du lịch");
    }

    @Test
    void theBodiesThatAreNotMinistriesAreAgenciesToo() {
        assertThat(codes("Văn phòng Quốc hội, Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam, Hội Liên hiệp Phụ nữ Việt Nam, "
                + "Trung ương Đoàn TNCS Hồ Chí Minh, Tổng Liên đoàn Lao động Việt Nam, Thông tấn xã Việt Nam, "
                + "Đài Truyền hình Việt Nam, Đài Tiếng nói Việt Nam, UBND các tỉnh, thành phố trực thuộc trung ương"))
                .containsExactly("ona", "vff", "vwu", "hcyu", "vgcl", "vna", "vtv", "vov", "ppc");
    }

    @Test
    void phrasesNamingNoOneAreKeptApartNotUnknown() {
        Reading reading = names.read("Bộ Tư pháp, các bộ, ngành liên quan; các địa phương\ncác cơ quan liên quan khác");

        assertThat(reading.agencies()).extracting(m -> m.agency().code()).containsExactly("moj");
        assertThat(reading.vague()).containsExactly("các bộ, ngành liên quan", "các địa phương",
                "các cơ quan liên quan khác");
        assertThat(reading.unknown()).isEmpty();
    }

    @Test
    void unknownTextIsQuotedAsWrittenAndTheNearestAgenciesOffered() {
        Reading reading = names.read("Bộ Công an, Bộ Văn hoá Thông tin, BCAX");

        assertThat(reading.agencies()).extracting(m -> m.agency().code()).containsExactly("mps");
        assertThat(reading.unknown()).containsExactly("Bộ Văn hoá Thông tin", "BCAX");
        assertThat(names.nearest("Bộ Văn hoá Thông tin", 3)).extracting(Agency::code).contains("mocst");
        assertThat(names.nearest("Bộ Tư Phap Viet Nam", 1)).extracting(Agency::code).containsExactly("moj");
    }

    @Test
    void wordsRunningOnAfterANameMakeTheWholeItemUnknown() {
        Reading reading = names.read("Bộ Ngoại giao Việt Nam; Bộ Công an");

        assertThat(reading.unknown()).containsExactly("Bộ Ngoại giao Việt Nam");
        assertThat(reading.agencies()).extracting(m -> m.agency().code()).containsExactly("mps");
        assertThat(codes("BCA BQP")).as("names one after another").containsExactly("mps", "mod");
    }

    @Test
    void anEmptyCellNamesNothing() {
        assertThat(names.read(null).agencies()).isEmpty();
        assertThat(names.read(" ,; \n").unknown()).isEmpty();
    }
}
