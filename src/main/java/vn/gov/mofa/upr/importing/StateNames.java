package vn.gov.mofa.upr.importing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Names under which states make UPR recommendations: the UN members and observer states, in the
 * short forms and the "(Bolivarian Republic of)" / "Bolivarian Republic of ..." forms the UN uses, plus
 * older names still found in earlier cycles. Needed to tell "(No. 29)" or "(OPCAT)" in a recommendation's
 * text from the states that close it.
 */
final class StateNames {

    private static final Set<String> KNOWN = """
            Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|Austria|
            Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|
            Bolivia|Bolivia (Plurinational State of)|Plurinational State of Bolivia|Bosnia and Herzegovina|Botswana|
            Brazil|Brunei Darussalam|Bulgaria|Burkina Faso|Burundi|Cabo Verde|Cape Verde|Cambodia|Cameroon|Canada|
            Central African Republic|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|Côte d'Ivoire|Cote d'Ivoire|
            Croatia|Cuba|Cyprus|Czechia|Czech Republic|Democratic People's Republic of Korea|
            Democratic Republic of the Congo|Denmark|Djibouti|Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|
            Equatorial Guinea|Eritrea|Estonia|Eswatini|Swaziland|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|
            Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Holy See|Honduras|Hungary|
            Iceland|India|Indonesia|Iran|Iran (Islamic Republic of)|Islamic Republic of Iran|Iraq|Ireland|Israel|
            Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kuwait|Kyrgyzstan|Lao People's Democratic Republic|
            Latvia|Lebanon|Lesotho|Liberia|Libya|Libyan Arab Jamahiriya|Liechtenstein|Lithuania|Luxembourg|Madagascar|
            Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|Mauritania|Mauritius|Mexico|
            Micronesia|Micronesia (Federated States of)|Federated States of Micronesia|Monaco|Mongolia|Montenegro|
            Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|Netherlands (Kingdom of the)|
            Kingdom of the Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Macedonia|
            The former Yugoslav Republic of Macedonia|Norway|Oman|Pakistan|Palau|Panama|Papua New Guinea|Paraguay|
            Peru|Philippines|Poland|Portugal|Qatar|Republic of Korea|Republic of Moldova|Romania|Russian Federation|
            Rwanda|Saint Kitts and Nevis|Saint Lucia|Saint Vincent and the Grenadines|Samoa|San Marino|
            Sao Tome and Principe|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|
            Solomon Islands|Somalia|South Africa|South Sudan|Spain|Sri Lanka|State of Palestine|Palestine|Sudan|
            Suriname|Sweden|Switzerland|Syrian Arab Republic|Tajikistan|Thailand|Timor-Leste|Togo|Tonga|
            Trinidad and Tobago|Tunisia|Türkiye|Turkiye|Turkey|Turkmenistan|Tuvalu|Uganda|Ukraine|
            United Arab Emirates|United Kingdom|United Kingdom of Great Britain and Northern Ireland|
            United Republic of Tanzania|United States|United States of America|Uruguay|Uzbekistan|Vanuatu|
            Venezuela|Venezuela (Bolivarian Republic of)|Bolivarian Republic of Venezuela|Viet Nam|Vietnam|Yemen|
            Zambia|Zimbabwe|Korea, Republic of|Korea, Democratic People's Republic of|Moldova, Republic of|
            Venezuela, Bolivarian Republic of|Iran, Islamic Republic of|Bolivia, Plurinational State of|
            Tanzania, United Republic of|Micronesia, Federated States of""".lines()
            .flatMap(line -> List.of(line.split("\\|")).stream())
            .map(StateNames::comparable)
            .filter(name -> !name.isEmpty())
            .collect(Collectors.toUnmodifiableSet());

    private StateNames() {
    }

    static boolean isKnown(String name) {
        return KNOWN.contains(comparable(name));
    }

    /**
     * Splits the inside of one closing parenthesis group into states: "Portugal, Slovakia" gives two,
     * "Venezuela (Bolivarian Republic of)" one. Commas inside nested parentheses never split, and two
     * pieces that only form a state together ("Korea, Republic of") are joined again.
     */
    static List<String> split(String group) {
        List<String> pieces = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < group.length(); i++) {
            char c = group.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if ((c == ',' || c == ';') && depth == 0) {
                pieces.add(group.substring(start, i).strip());
                start = i + 1;
            }
        }
        pieces.add(group.substring(start).strip());
        List<String> states = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            String piece = pieces.get(i);
            if (i + 1 < pieces.size() && !isKnown(piece) && isKnown(piece + ", " + pieces.get(i + 1))) {
                piece = piece + ", " + pieces.get(++i);
            }
            if (!piece.isEmpty()) {
                states.add(piece);
            }
        }
        return states;
    }

    private static String comparable(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC)
                .replace('\u2019', '\'')
                .replace('\u00A0', ' ')
                .strip()
                .replaceAll("\\s+", " ")
                .replaceFirst("^(?i)the ", "")
                .toLowerCase(Locale.ROOT);
    }
}
