package vn.gov.mofa.upr.agency;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

/**
 * Every way an annex names an agency: its code, Vietnamese and English names ({@code data/agencies.csv}), and the
 * abbreviations, written variants and pre-2025 names of {@code data/agency-names.csv}, plus the phrases that name no
 * one in particular ("các bộ, ngành liên quan"). A cell is read by matching these names, longest first, because
 * official names carry the commas and hyphens a separator split would cut them at.
 */
@Component
public class AgencyNames {

    /** How a cell named an agency; the import reports the last two per row. */
    public enum Kind {
        NAME, VARIANT, ABBREVIATION, FORMER, VAGUE
    }

    /** One agency found in a cell: the text as written, the agency it means and how it was named. */
    public record Mention(String written, Agency agency, Kind kind, String note) {
    }

    /** A cell read: the agencies in the order written, the phrases naming no one, the fragments nothing matched. */
    public record Reading(List<Mention> agencies, List<String> vague, List<String> unknown) {
    }

    private record Name(String key, Agency agency, Kind kind, String note) {
    }

    /** Longest first: "Bộ Văn hóa, Thể thao và Du lịch" must win over anything that starts the same way. */
    private final List<Name> names = new ArrayList<>();

    public AgencyNames(AgencyDirectory directory) {
        Map<String, Name> byKey = new LinkedHashMap<>();
        for (Agency agency : directory.all()) {
            add(byKey, new Name(Folded.of(agency.nameVi()).key, agency, Kind.NAME, ""));
            add(byKey, new Name(Folded.of(agency.nameEn()).key, agency, Kind.NAME, ""));
            add(byKey, new Name(Folded.of(agency.code()).key, agency, Kind.NAME, ""));
        }
        for (CSVRecord row : AgencyDirectory.readCsv("data/agency-names.csv")) {
            Kind kind = Kind.valueOf(row.get("kind").toUpperCase(java.util.Locale.ROOT));
            Agency agency = kind == Kind.VAGUE ? null : directory.byCode(row.get("agency")).orElseThrow(
                    () -> new IllegalStateException("data/agency-names.csv: unknown agency " + row.get("agency")));
            add(byKey, new Name(Folded.of(row.get("name")).key, agency, kind, row.get("note")));
        }
        names.addAll(byKey.values());
        names.sort(Comparator.comparingInt((Name name) -> name.key().length()).reversed());
    }

    /** Two rows folding to the same text must mean the same agency, or a cell's meaning would depend on file order. */
    private static void add(Map<String, Name> byKey, Name name) {
        Name earlier = byKey.putIfAbsent(name.key(), name);
        if (earlier != null && earlier.agency() != name.agency()) {
            throw new IllegalStateException("Agency name '" + name.key() + "' means two agencies");
        }
    }

    /**
     * Reads a lead or coordinating cell: names separated by commas, semicolons, line breaks, bullets or "và", each
     * matched case-, accent- and spacing-blind. A vague phrase takes the rest of its item with it ("các cơ quan liên
     * quan khác").
     */
    public Reading read(String cell) {
        List<Mention> agencies = new ArrayList<>();
        List<String> vague = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Folded text = Folded.of(cell == null ? "" : cell);
        int at = text.skipSeparators(0);
        while (at < text.key.length()) {
            Name name = longestAt(text, at);
            if (name == null) {
                int end = text.itemEnd(at);
                unknown.add(text.original(at, end));
                at = text.skipSeparators(end);
                continue;
            }
            int end = at + name.key().length();
            if (name.kind() != Kind.VAGUE && runsOn(text, end)) {
                end = text.itemEnd(at);
                unknown.add(text.original(at, end));
                at = text.skipSeparators(end);
                continue;
            }
            if (name.kind() == Kind.VAGUE) {
                end = text.itemEnd(end);
                vague.add(text.original(at, end));
            } else if (agencies.stream().noneMatch(m -> m.agency() == name.agency())) {
                agencies.add(new Mention(text.original(at, end), name.agency(), name.kind(), name.note()));
            }
            at = text.skipSeparators(end);
        }
        return new Reading(agencies, vague, unknown);
    }

    /**
     * true when the words after a name continue it rather than start the next one ("Bộ Ngoại giao Việt Nam"): the whole
     * item is then unknown, so the user sees what they wrote, not a puzzling "Việt Nam".
     */
    private boolean runsOn(Folded text, int end) {
        int next = text.skipSeparators(end);
        return next < text.key.length() && text.key.substring(end, next).isBlank()
                && !text.key.substring(end, next).contains("\n") && longestAt(text, next) == null;
    }

    private Name longestAt(Folded text, int at) {
        for (Name name : names) {
            if (text.hasAt(name.key(), at) && text.wordEndsAt(at + name.key().length())) {
                return name;
            }
        }
        return null;
    }

    /**
     * The agencies whose names are closest to an unrecognised text, for the row error: most words in common first
     * ("Bộ Văn hoá Thông tin" is near "Bộ Văn hóa, Thể thao và Du lịch"), then fewest letters to change ("BCAX").
     */
    public List<Agency> nearest(String written, int count) {
        String key = Folded.of(written).key;
        Set<String> words = words(key);
        Map<Agency, Integer> best = new HashMap<>();
        for (Name name : names) {
            if (name.agency() != null) {
                Set<String> common = words(name.key());
                common.retainAll(words);
                int score = -1000 * common.size() + distance(key, name.key());
                best.merge(name.agency(), score, Math::min);
            }
        }
        return best.entrySet().stream().sorted(Map.Entry.<Agency, Integer>comparingByValue()
                        .thenComparing(entry -> entry.getKey().code()))
                .limit(count).map(Map.Entry::getKey).toList();
    }

    private static Set<String> words(String key) {
        return new HashSet<>(Arrays.asList(key.split("[^\\p{L}\\p{N}]+")));
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * A text reduced to what tells names apart: no accents or case ("Hoá"/"Hóa"/"HOA"), one kind of dash, no spaces
     * around punctuation ("Lao động - Thương binh", "LĐ-TB&XH", "Văn hóa ,Thể thao"), runs of spaces as one. A line
     * break stays as '\n' (it separates items) but matches a name's space, so a name wrapped in a cell still matches.
     * {@code origin[i]} is where key character i came from, to quote the user's own text back.
     */
    private static final class Folded {
        private static final String PUNCTUATION = ",-&/()";
        private final String key;
        private final int[] origin;
        private final String original;

        private Folded(String key, int[] origin, String original) {
            this.key = key;
            this.origin = origin;
            this.original = original;
        }

        static Folded of(String text) {
            StringBuilder key = new StringBuilder();
            List<Integer> origin = new ArrayList<>();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.getType(c) == Character.NON_SPACING_MARK) {
                    continue;
                }
                char folded = fold(c);
                boolean space = folded == ' ' || folded == '\n';
                int last = key.length() - 1;
                boolean afterSpace = last >= 0 && (key.charAt(last) == ' ' || key.charAt(last) == '\n');
                if (space && (last < 0 || afterSpace || PUNCTUATION.indexOf(key.charAt(last)) >= 0)) {
                    if (folded == '\n' && afterSpace) {
                        key.setCharAt(last, '\n');
                    }
                    continue;
                }
                if (PUNCTUATION.indexOf(folded) >= 0 && afterSpace && key.charAt(last) == ' ') {
                    key.setLength(last);
                    origin.remove(last);
                }
                key.append(folded);
                origin.add(i);
            }
            while (!key.isEmpty() && (key.charAt(key.length() - 1) == ' ' || key.charAt(key.length() - 1) == '\n')) {
                key.setLength(key.length() - 1);
                origin.remove(origin.size() - 1);
            }
            return new Folded(key.toString(), origin.stream().mapToInt(Integer::intValue).toArray(), text);
        }

        private static char fold(char c) {
            if (c == 'đ' || c == 'Đ') {
                return 'd';
            }
            if (c == '\n' || c == '\r') {
                return '\n';
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF') {
                return ' ';
            }
            if (c == '–' || c == '—' || c == '‐' || c == '‑' || c == '−') {
                return '-';
            }
            String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            return Character.toLowerCase(base.charAt(0));
        }

        /** true when {@code name} is written at {@code at}; a line break in the cell stands for a space of the name */
        boolean hasAt(String name, int at) {
            if (at + name.length() > key.length()) {
                return false;
            }
            for (int i = 0; i < name.length(); i++) {
                char written = key.charAt(at + i);
                if (written != name.charAt(i) && !(written == '\n' && name.charAt(i) == ' ')) {
                    return false;
                }
            }
            return true;
        }

        /** true when a name ending here ends a word ("BCA" must not match the start of "BCAX"). */
        boolean wordEndsAt(int end) {
            return end >= key.length() || !Character.isLetterOrDigit(key.charAt(end));
        }

        /** Past commas, semicolons, line breaks, bullets, full stops and a joining "và" / "and". */
        int skipSeparators(int at) {
            while (at < key.length()) {
                char c = key.charAt(at);
                if (" \n,;.:-+*•".indexOf(c) >= 0) {
                    at++;
                } else if (key.startsWith("va ", at) || key.startsWith("va\n", at)) {
                    at += 3;
                } else if (key.startsWith("and ", at)) {
                    at += 4;
                } else {
                    break;
                }
            }
            return at;
        }

        /** Where the item starting at {@code at} ends: the next comma, semicolon or line break. */
        int itemEnd(int at) {
            int end = at;
            while (end < key.length() && ",;\n".indexOf(key.charAt(end)) < 0) {
                end++;
            }
            return end;
        }

        /** The user's own text between two key positions, trimmed. */
        String original(int from, int to) {
            int start = origin[from];
            int end = to >= key.length() ? original.length() : origin[to];
            return original.substring(start, end).strip().replaceAll("\\s+", " ");
        }
    }
}
