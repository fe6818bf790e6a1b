package vn.gov.mofa.upr.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.gov.mofa.upr.agency.AgencyDirectory;
import vn.gov.mofa.upr.agency.AgencyNames;

/** The lead and coordinating cells of one row, as the import report tells the user about them. */
class AnnexAgenciesTest {

    private final AgencyNames names = new AgencyNames(new AgencyDirectory());

    private AnnexAgencies of(String lead, String coordinating) {
        return AnnexAgencies.of(new ImportRow(5, 4, "4.1", "Text", null, null, Response.SUPPORTED, null, null, null, null,
                "1", lead, coordinating, null, null, null), names);
    }

    @Test
    void aSecondLeadAgencyCoordinatesAndTheReportSaysSo() {
        AnnexAgencies agencies = of("BCA, Bộ Quốc phòng", "Bộ Quốc phòng; Bộ Công an; Bộ Tư pháp");

        assertThat(agencies.lead()).isEqualTo("mps");
        assertThat(agencies.coordinating()).as("once each, never the lead").containsExactly("mod", "moj");
        assertThat(agencies.notices()).singleElement().asString()
                .contains("ghi 2 cơ quan", "Bộ Công an chủ trì", "Bộ Quốc phòng được ghi là cơ quan phối hợp");
        assertThat(agencies.viaOtherNames()).as("BCA").isEqualTo(1);
        assertThat(agencies.problems()).isEmpty();
    }

    @Test
    void aLeadCellNamingNoOneLeavesTheAssignmentToMofaWithANote() {
        AnnexAgencies agencies = of("Các bộ, ngành liên quan", "các địa phương");

        assertThat(agencies.lead()).isNull();
        assertThat(agencies.coordinating()).isEmpty();
        assertThat(agencies.note()).isEqualTo(
                "Cơ quan chủ trì theo phụ lục: Các bộ, ngành liên quan; Cơ quan phối hợp theo phụ lục: các địa phương");
        assertThat(agencies.problems()).isEmpty();
    }

    @Test
    void unknownNamesAreProblemsWithSuggestions() {
        AnnexAgencies agencies = of("Bộ Tư Phap VN", "Bộ Công an, Sở Tư pháp Hà Nội");

        assertThat(agencies.problems()).satisfiesExactly(
                lead -> assertThat(lead).startsWith("Cơ quan chủ trì không xác định: 'Bộ Tư Phap VN'")
                        .contains("Tên gần nhất trong danh sách cơ quan: Bộ Tư pháp"),
                coordinating -> assertThat(coordinating).startsWith("Cơ quan phối hợp không xác định: 'Sở Tư pháp Hà Nội'"));
    }
}
