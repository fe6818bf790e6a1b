package vn.gov.mofa.upr.reporting;

import vn.gov.mofa.upr.ApplicationTest;

/** {@link LongTexts} on the shared H2 test context. */
@ApplicationTest
class LongTextsTest extends LongTexts {
}
