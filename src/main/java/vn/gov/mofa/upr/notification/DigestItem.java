package vn.gov.mofa.upr.notification;

/** One mail as the daily digest lists it: its subject, the day it was written (dd/MM/yyyy) and where it leads. */
public record DigestItem(String subject, String date, String link) {
}
