package vn.gov.mofa.upr.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormulaInjectionTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\",\"y\")", "=1+1", " =A1", "+cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0", "@SUM(A1:A9)", "- HYPERLINK(\"http://x\")", "-2+3", "-A1*2",
            "+WEBSERVICE(\"http://x\")"})
    void refusesWhatASpreadsheetWouldEvaluate(String cell) {
        assertThat(FormulaInjection.suspects(cell)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ratify CAT", "-5", "+84 24 3799 3000", "-0,5%", "-5 percent child poverty by 2030",
            "- Ratify the ILO Convention, 2011 (No. 189)", "+ Hoàn thiện pháp luật về quyền con người", "-", "",
            "143.1", "Reduce poverty by -5%"})
    void acceptsNumbersBulletsAndPlainText(String cell) {
        assertThat(FormulaInjection.suspects(cell)).isFalse();
    }
}
