package vn.gov.mofa.upr.casefile;

import java.time.LocalDate;
import java.util.List;

/**
 * A part of a recommendation delegated to the reader's unit and still open: what was asked, by when, and the evidence
 * files the unit attached.
 */
public record UnitWork(String taskId, String unitName, String part, String tasks, String expectedOutput,
        LocalDate internalDue, List<EvidenceFile> files, String tasklistLink) {
}
