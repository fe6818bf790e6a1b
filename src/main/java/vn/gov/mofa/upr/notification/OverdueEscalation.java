package vn.gov.mofa.upr.notification;

/** What an overdue escalation found: a line for MOFA's follow-up task, and whether one must be opened. */
record OverdueEscalation(String summary, boolean followUpNeeded) {
}
