package vn.gov.mofa.upr.importing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import vn.gov.mofa.upr.agency.Agency;
import vn.gov.mofa.upr.agency.AgencyNames;
import vn.gov.mofa.upr.agency.AgencyNames.Kind;
import vn.gov.mofa.upr.agency.AgencyNames.Mention;

/**
 * The lead and coordinating cells of one annex row, read as ministries write them. The first agency of the lead
 * cell leads and any other it names coordinates; a phrase naming no one ("các bộ, ngành liên quan") becomes the
 * recommendation's {@code note}; an old name or abbreviation is counted, an old name also told per row; text that
 * names no known agency is a problem quoting it with the nearest names.
 *
 * @param lead          agency code, or null when the file names none (MOFA then assigns)
 * @param coordinating  agency codes, without the lead
 * @param note          what the cells said beyond agencies, or null
 * @param viaOtherNames how many agencies were named by an abbreviation or a pre-2025 name
 */
record AnnexAgencies(String lead, List<String> coordinating, String note, int viaOtherNames, List<String> notices,
        List<String> problems) {

    private static final int SUGGESTED = 3;

    static AnnexAgencies of(ImportRow row, AgencyNames names) {
        List<String> notices = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        AgencyNames.Reading leadCell = names.read(row.leadAgency());
        AgencyNames.Reading coordinatingCell = names.read(row.coordinatingAgencies());
        unknown(leadCell, "Cơ quan chủ trì", names, problems);
        unknown(coordinatingCell, "Cơ quan phối hợp", names, problems);
        note(leadCell, "Cơ quan chủ trì", notes);
        note(coordinatingCell, "Cơ quan phối hợp", notes);

        List<Mention> leads = leadCell.agencies();
        String lead = leads.isEmpty() ? null : leads.get(0).agency().code();
        if (leads.size() > 1) {
            notices.add("Cột cơ quan chủ trì ghi %d cơ quan: %s chủ trì, %s được ghi là cơ quan phối hợp."
                    .formatted(leads.size(), leads.get(0).agency().nameVi(), leads.subList(1, leads.size()).stream()
                            .map(m -> m.agency().nameVi()).collect(Collectors.joining(", "))));
        }
        Set<String> coordinating = new LinkedHashSet<>();
        leads.stream().skip(1).forEach(m -> coordinating.add(m.agency().code()));
        coordinatingCell.agencies().forEach(m -> coordinating.add(m.agency().code()));
        coordinating.remove(lead);

        int viaOtherNames = 0;
        List<Mention> all = new ArrayList<>(leads);
        all.addAll(coordinatingCell.agencies());
        for (Mention mention : all) {
            if (mention.kind() == Kind.FORMER) {
                notices.add("\"%s\" là tên trước năm 2025, đã hiểu là %s (%s)."
                        .formatted(mention.written(), mention.agency().nameVi(), mention.note()));
            }
            if (mention.kind() == Kind.FORMER || mention.kind() == Kind.ABBREVIATION) {
                viaOtherNames++;
            }
        }
        return new AnnexAgencies(lead, List.copyOf(coordinating), notes.isEmpty() ? null : String.join("; ", notes),
                viaOtherNames, notices, problems);
    }

    private static void unknown(AgencyNames.Reading cell, String column, AgencyNames names, List<String> problems) {
        for (String text : cell.unknown()) {
            problems.add("%s không xác định: '%s'. Tên gần nhất trong danh sách cơ quan: %s."
                    .formatted(column, RowError.shortened(text), names.nearest(text, SUGGESTED).stream()
                            .map(Agency::nameVi).collect(Collectors.joining("; "))));
        }
    }

    private static void note(AgencyNames.Reading cell, String column, List<String> notes) {
        if (!cell.vague().isEmpty()) {
            notes.add("%s theo phụ lục: %s".formatted(column, String.join(", ", cell.vague())));
        }
    }
}
