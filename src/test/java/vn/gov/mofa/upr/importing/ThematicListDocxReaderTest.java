package vn.gov.mofa.upr.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class ThematicListDocxReaderTest {

    private final ThematicListDocxReader reader = new ThematicListDocxReader(Limits.AS_CONFIGURED);

    @Test
    void readsTheWholeSloveniaCycle3ThematicList() throws IOException {
        ParsedFile file = reader.read(AnnexCsvReaderTest.sample("/samples/ohchr-thematic-list-slovenia-cycle3.docx"), null);

        assertThat(file.errors()).isEmpty();
        assertThat(file.rows()).hasSize(215);
        assertThat(file.rows()).extracting(ImportRow::number).doesNotHaveDuplicates();
        assertThat(file.rows()).filteredOn(row -> row.response() == Response.SUPPORTED).hasSize(182);
        assertThat(file.rows()).filteredOn(row -> row.response() == Response.NOTED).hasSize(33);
        // The cycle is only in the page header "UPR of Slovenia (3rd Cycle - 34th Session)"; none was chosen.
        assertThat(file.rows()).allSatisfy(row -> {
            assertThat(row.cycle()).isEqualTo(3);
            assertThat(row.recommendingStates()).isNotEmpty();
            assertThat(row.sourceOfPosition()).startsWith("A/HRC/43/15");
            assertThat(row.themes()).isNotEmpty();
            String lastState = row.recommendingStates().get(row.recommendingStates().size() - 1);
            assertThat(row.text()).doesNotEndWith(";").doesNotEndWith("(" + lastState + ")");
        });
        assertThat(file.rows()).extracting(ImportRow::line).startsWith(2, 3, 4).endsWith(216);

        Map<String, ImportRow> byNumber = file.rows().stream()
                .collect(Collectors.toMap(ImportRow::number, Function.identity()));

        ImportRow first = byNumber.get("121.1");
        assertThat(first.text()).isEqualTo(
                "Ratify the International Convention for the Protection of All Persons from Enforced Disappearance");
        assertThat(first.recommendingStates()).containsExactly("France", "Lithuania");
        assertThat(first.response()).isEqualTo(Response.SUPPORTED);
        assertThat(first.sourceOfPosition()).isEqualTo("A/HRC/43/15 - Para 121");
        assertThat(first.themes()).containsExactly("Acceptance of international norms", "Enforced disappearances");
        assertThat(first.sdgs()).containsExactly("16 - PEACE, JUSTICE AND STRONG INSTITUTIONS");
        assertThat(first.affectedPersons()).containsExactly("Disappeared persons");

        ImportRow merged = byNumber.get("122.3");
        assertThat(merged.text()).isEqualTo("Undertake measures to ratify the International Convention on the Protection "
                + "of the Rights of All Migrant Workers and Members of Their Families; Consider the possibility of "
                + "ratifying the International Convention on the Protection of the Rights of All Migrant Workers and "
                + "Members of Their Families; Consider acceding to the International Convention on the Protection of "
                + "the Rights of All Migrant Workers and Members of Their Families");
        assertThat(merged.recommendingStates()).containsExactly("Indonesia", "Niger", "Philippines");
        assertThat(merged.response()).isEqualTo(Response.NOTED);
        assertThat(merged.sourceOfPosition()).isEqualTo("A/HRC/43/15/Add.1 - Para.5");
        assertThat(merged.themes()).containsExactly("Acceptance of international norms");
        assertThat(merged.sdgs()).containsExactly("10 - REDUCED INEQUALITIES");
        assertThat(merged.affectedPersons()).containsExactly("Migrants & domestic workers");

        ImportRow conventionNumberInText = byNumber.get("121.3");
        assertThat(conventionNumberInText.text()).isEqualTo("Ratify and implement the International Labour "
                + "Organization’s 2014 Protocol to the Forced Labour Convention, 1930 (No. 29)");
        assertThat(conventionNumberInText.recommendingStates())
                .containsExactly("United Kingdom of Great Britain and Northern Ireland");
        assertThat(conventionNumberInText.themes()).containsExactly("Acceptance of international norms",
                "Right to work and to just & favorable conditions of work & labour rights",
                "Prohibition of slavery, trafficking");
        assertThat(conventionNumberInText.sdgs()).containsExactly("8 - DECENT WORK AND ECONOMIC GROWTH");
        assertThat(conventionNumberInText.affectedPersons()).isEmpty();

        ImportRow semicolonInText = byNumber.get("122.22");
        assertThat(semicolonInText.text()).endsWith("or any other condition; and strengthen its policies to combat "
                + "racism and hate speech");
        assertThat(semicolonInText.recommendingStates()).containsExactly("Bolivarian Republic of Venezuela");
        assertThat(semicolonInText.affectedPersons()).containsExactly("refugees & asylum seekers",
                "Migrants & domestic workers",
                "minorities/ racial, ethnic, linguistic, religious or descent-based groups",
                "persons with disabilities");
    }

    @Test
    void readsTheFourColumnLayoutWithSdgAndPositionColumnsInAnotherOrder() {
        byte[] docx = new ThematicListDocument()
                .paragraph("Thematic list of recommendations")
                .paragraph("UPR of Viet Nam (4th Cycle - 46th Session)")
                .row(List.of("Recommendation"), List.of("Full list of themes"), List.of("SDGs"), List.of("Position"))
                .heading("Theme: A41 Constitutional and legislative framework")
                .row(List.of("46.1 Consider ratifying the Optional Protocol to the Convention against Torture "
                                + "(Venezuela (Bolivarian Republic of));\nSource of Position: A/HRC/56/9/Add.1"),
                        List.of("A41 Constitutional and legislative framework",
                                "D25 Prohibition of torture and cruel, inhuman or degrading treatment",
                                "Groups of Persons:", "Persons deprived of their liberty", "Children"),
                        List.of("SDG 16"),
                        List.of("Supported"))
                .row(List.of("46.2 Strengthen measures to prevent violence against women, including domestic violence "
                                + "(Portugal, Slovakia) (Iran (Islamic Republic of)).",
                                "Source of Position: A/HRC/56/9/Add.1"),
                        List.of("- F12 Discrimination against women", "Groups of Persons:", "- Women", "- Girls"),
                        List.of("SDGs: 5, 16"),
                        List.of("Noted"))
                .row(List.of("46.3 Ratify the ILO Violence and Harassment Convention, 2019 (No. 190) "
                                + "(Bolivia (Plurinational State of));", "Source of Position: A/HRC/56/9/Add.1"),
                        List.of("B41 Right to work"),
                        List.of("8 - DECENT WORK AND ECONOMIC GROWTH"),
                        List.of("Supported"))
                .toBytes();

        ParsedFile file = reader.read(docx, 2);

        assertThat(file.errors()).isEmpty();
        assertThat(file.rows()).extracting(ImportRow::number).containsExactly("46.1", "46.2", "46.3");
        assertThat(file.rows()).extracting(ImportRow::line).containsExactly(2, 3, 4);
        assertThat(file.rows()).allSatisfy(row -> {
            assertThat(row.cycle()).as("cycle named in the document wins over the user's choice").isEqualTo(4);
            assertThat(row.sourceOfPosition()).isEqualTo("A/HRC/56/9/Add.1");
        });

        ImportRow venezuela = file.rows().get(0);
        assertThat(venezuela.text())
                .isEqualTo("Consider ratifying the Optional Protocol to the Convention against Torture");
        assertThat(venezuela.recommendingStates()).containsExactly("Venezuela (Bolivarian Republic of)");
        assertThat(venezuela.response()).isEqualTo(Response.SUPPORTED);
        assertThat(venezuela.themes()).containsExactly("A41 Constitutional and legislative framework",
                "D25 Prohibition of torture and cruel, inhuman or degrading treatment");
        assertThat(venezuela.affectedPersons()).containsExactly("Persons deprived of their liberty", "Children");
        assertThat(venezuela.sdgs()).containsExactly("SDG 16");

        ImportRow threeStates = file.rows().get(1);
        assertThat(threeStates.text())
                .isEqualTo("Strengthen measures to prevent violence against women, including domestic violence");
        assertThat(threeStates.recommendingStates()).containsExactly("Portugal", "Slovakia", "Iran (Islamic Republic of)");
        assertThat(threeStates.response()).isEqualTo(Response.NOTED);
        assertThat(threeStates.themes()).containsExactly("F12 Discrimination against women");
        assertThat(threeStates.affectedPersons()).containsExactly("Women", "Girls");
        assertThat(threeStates.sdgs()).containsExactly("5", "16");

        ImportRow bolivia = file.rows().get(2);
        assertThat(bolivia.text()).isEqualTo("Ratify the ILO Violence and Harassment Convention, 2019 (No. 190)");
        assertThat(bolivia.recommendingStates()).containsExactly("Bolivia (Plurinational State of)");
        assertThat(bolivia.sdgs()).containsExactly("8 - DECENT WORK AND ECONOMIC GROWTH");
    }

    @Test
    void readsTheThreeColumnLayoutWithThePositionInsideTheRecommendationCell() {
        byte[] docx = threeColumnList();

        ParsedFile file = reader.read(docx, 3);

        assertThat(file.errors()).isEmpty();
        assertThat(file.rows()).hasSize(2);
        ImportRow noted = file.rows().get(0);
        assertThat(noted.number()).isEqualTo("119.5");
        assertThat(noted.text()).isEqualTo("Ratify the Optional Protocol to the Convention against Torture");
        assertThat(noted.recommendingStates()).containsExactly("Denmark");
        assertThat(noted.response()).isEqualTo(Response.NOTED);
        assertThat(noted.sourceOfPosition()).isEqualTo("A/HRC/41/10/Add.1");
        assertThat(noted.cycle()).as("no cycle in the document: the user's choice").isEqualTo(3);
        assertThat(noted.themes()).containsExactly("A12 Acceptance of international norms");
        assertThat(noted.sdgs()).containsExactly("16 - PEACE, JUSTICE AND STRONG INSTITUTIONS");
        assertThat(noted.affectedPersons()).containsExactly("persons deprived of their liberty");
        ImportRow supported = file.rows().get(1);
        assertThat(supported.response()).as("the assessment column's wording is not a position")
                .isEqualTo(Response.SUPPORTED);
        assertThat(supported.recommendingStates()).containsExactly("Cuba", "Viet Nam");
    }

    @Test
    void reportsEveryRecommendationWhenNoCycleIsKnown() {
        ParsedFile file = reader.read(threeColumnList(), null);

        assertThat(file.rows()).isEmpty();
        assertThat(file.errors()).extracting(RowError::row).containsExactly(2, 3);
        assertThat(file.errors()).allSatisfy(error -> assertThat(error.message()).contains("chu kỳ"));
    }

    @Test
    void reportsAnUnknownPositionAndADuplicateNumber() {
        byte[] docx = new ThematicListDocument()
                .paragraph("UPR cycle 4")
                .row(List.of("Recommendation"), List.of("Position"), List.of("Full list of themes"))
                .row(List.of("46.1 Ratify CAT (France);"), List.of("Pending"), List.of("- Torture"))
                .row(List.of("46.2 Ratify OP-CAT (France);"), List.of("Supported"), List.of("- Torture"))
                .row(List.of("46.2 Ratify OP-CAT again (Spain);"), List.of("Supported"), List.of("- Torture"))
                .toBytes();

        ParsedFile file = reader.read(docx, null);

        assertThat(file.rows()).extracting(ImportRow::number).containsExactly("46.2");
        assertThat(file.errors()).extracting(RowError::row).containsExactly(2, 4);
        assertThat(file.errors().get(0).message()).contains("46.1").contains("\"Pending\"");
        assertThat(file.errors().get(1).message()).contains("\"46.2\"").contains("thứ 2").contains("thứ 3");
    }

    @Test
    void turnsFilesThatAreNotThematicListsIntoOneFileError() {
        assertFileError(reader.read("not a word file".getBytes(StandardCharsets.UTF_8), 4), ".docx");
        assertFileError(reader.read(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0}, 4), ".doc");
        assertFileError(reader.read(new ThematicListDocument().paragraph("Báo cáo quốc gia").toBytes(), 4),
                "Không tìm thấy bảng khuyến nghị");
        assertFileError(reader.read(new byte[0], 4), "rỗng");
    }

    @Test
    void acceptsWordFilesByExtension() {
        byte[] zip = {0x50, 0x4B, 0x03, 0x04};
        assertThat(reader.accepts("A_HRC_56_9_thematic_list.DOCX", zip)).isTrue();
        assertThat(reader.accepts("annex.xlsx", zip)).isFalse();
        assertThat(reader.accepts("annex.csv", "number,text".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void aListOverTheRowLimitIsRefusedCountingTheTableRows() {
        java.util.function.Supplier<ThematicListDocument> list = () -> new ThematicListDocument()
                .paragraph("UPR of Viet Nam (4th Cycle - 46th Session)")
                .row(List.of("Recommendation"), List.of("Position"))
                .row(List.of("46.1 Ratify the Optional Protocol (Denmark);"), List.of("Supported"))
                .row(List.of("46.2 Continue poverty reduction programmes (Cuba);"), List.of("Supported"));
        ThematicListDocxReader threeRows = new ThematicListDocxReader(Limits.rows(3));

        assertThat(threeRows.read(list.get().toBytes(), null).rows()).hasSize(2);
        assertFileError(threeRows.read(list.get().row(List.of("46.3 Protect children (Chile);"), List.of("Noted")).toBytes(),
                null), "hơn 3 dòng");
    }

    private static byte[] threeColumnList() {
        return new ThematicListDocument()
                .row(List.of("Recommendation"), List.of("Full list of themes"),
                        List.of("Assessment/comments on level of implementation"))
                .row(List.of("119.5 Ratify the Optional Protocol to the Convention against Torture (Denmark);",
                                "Source of Position: A/HRC/41/10/Add.1", "Noted"),
                        List.of("A12 Acceptance of international norms", "SDGs:",
                                "- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS", "Affected persons:",
                                "- persons deprived of their liberty"),
                        List.of("Noted by the Government in 2019"))
                .row(List.of("119.6 Continue poverty reduction programmes (Cuba) (Viet Nam);",
                                "Source of Position: A/HRC/41/10/Add.1", "Supported"),
                        List.of("B31 Equality & non-discrimination"),
                        List.of("Noted"))
                .toBytes();
    }

    private static void assertFileError(ParsedFile file, String expectedWording) {
        assertThat(file.rows()).isEmpty();
        assertThat(file.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isZero();
            assertThat(error.message()).contains(expectedWording);
        });
    }
}
