package vn.gov.mofa.upr.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecommendationWordingTest {

    @Test
    void separatesStatesWhoseNamesHoldParenthesesAndCommas() {
        RecommendationWording wording = RecommendationWording.parse(
                "143.1.1 Ratify OPCAT (Venezuela (Bolivarian Republic of)) (Korea, Republic of, Portugal).").orElseThrow();

        assertThat(wording.number()).isEqualTo("143.1.1");
        assertThat(wording.text()).isEqualTo("Ratify OPCAT");
        assertThat(wording.states()).containsExactly("Venezuela (Bolivarian Republic of)", "Korea, Republic of", "Portugal");
    }

    @Test
    void keepsParenthesesThatBelongToTheText() {
        RecommendationWording wording = RecommendationWording.parse(
                "46.9 Ratify the Optional Protocol to the Convention against Torture (OPCAT) (Iran (Islamic Republic of));")
                .orElseThrow();

        assertThat(wording.text()).isEqualTo("Ratify the Optional Protocol to the Convention against Torture (OPCAT)");
        assertThat(wording.states()).containsExactly("Iran (Islamic Republic of)");
    }

    @Test
    void takesAnUnlistedAuthorAtTheEndButNotANumberedReference() {
        assertThat(RecommendationWording.parse("46.10 Adopt a law (Atlantis);").orElseThrow().states())
                .containsExactly("Atlantis");
        assertThat(RecommendationWording.parse("46.11 Ratify ILO Convention (No. 190)").orElseThrow())
                .satisfies(wording -> {
                    assertThat(wording.text()).isEqualTo("Ratify ILO Convention (No. 190)");
                    assertThat(wording.states()).isEmpty();
                });
    }

    @Test
    void refusesTextWithoutARecommendationNumber() {
        assertThat(RecommendationWording.parse("Theme: A41 Constitutional and legislative framework")).isEmpty();
    }
}
