package vn.gov.mofa.upr.reporting;

/** An open round and where it stands, over the reports its reader may see. */
public record RoundState(ReportingRound round, RoundProgress progress) {
}
