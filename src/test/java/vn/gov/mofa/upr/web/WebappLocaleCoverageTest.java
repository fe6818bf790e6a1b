package vn.gov.mofa.upr.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the Vietnamese locale files that override the Camunda webapps
 * ({@code src/main/resources/META-INF/resources/webjars/camunda/app/<app>/locales/vi.json})
 * against the English originals shipped in {@code camunda-webapp-webjar}.
 *
 * <p>Keys are flattened with dots; arrays (month and weekday names in {@code dateLocales})
 * count as one key each, as do numbers. Tasklist, Admin and Welcome must be fully translated;
 * Cockpit must have every key and the translated share is printed.
 */
class WebappLocaleCoverageTest {

  private static final String APP_PATH = "META-INF/resources/webjars/camunda/app/";
  private static final String WEBJAR = "camunda-webapp-webjar";

  /** Values that are legitimately the same in Vietnamese and English (IDs, symbols, formats, names). */
  private static final Set<String> LANGUAGE_NEUTRAL = Set.of(
      "", "ID", "ID*", "null", "<null>", "<", "<=", ">", ">=",
      "CSV", "JSON", "Optimize", "requestPayload", "Camunda Cockpit", "YYYY-MM-DDTHH:mm:ss",
      "L", "LT", "HH:mm", "DD/MM/YYYY");

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{[^}]*}}|(?<!\\{)\\{}(?!})|%[sd]");

  private final ObjectMapper mapper = new ObjectMapper();

  @ParameterizedTest(name = "{0} is fully translated")
  @ValueSource(strings = {"tasklist", "admin", "welcome"})
  void fullyTranslated(String app) {
    Coverage c = coverage(app);
    List<String> untranslated = new ArrayList<>();
    c.identical.forEach((key, value) -> {
      if (!isLanguageNeutral(value)) {
        untranslated.add(key + " = " + value);
      }
    });
    assertTrue(untranslated.isEmpty(),
        app + ": values still identical to English: " + untranslated);
    assertEquals(c.keys, c.translated, app + ": translated count");
  }

  @Test
  void cockpitHasEveryKey() {
    Coverage c = coverage("cockpit");
    assertTrue(c.translated * 100 >= c.keys * 95,
        "cockpit: expected at least 95% translated, got " + c.translated + "/" + c.keys);
  }

  @ParameterizedTest(name = "{0} config.js and user-styles.css are overridden")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void configAndStylesOverridden(String app) {
    String config = read(projectResource(app, "scripts/config.js"));
    assertTrue(config.contains("fallbackLocale: UPR_LOCALE"), app + ": locale config");
    assertTrue(config.contains("name: 'Theo dõi khuyến nghị UPR'"), app + ": app name");
    assertTrue(config.contains("vendor: 'Bộ Ngoại giao'"), app + ": vendor");
    String css = read(projectResource(app, "styles/user-styles.css"));
    assertTrue(css.replaceAll("\\s+", " ")
            .contains(".ce-eol-banner { display: none !important; }"),
        app + ": Camunda 8 migration banner is hidden");
  }

  /** Loads en.json (webjar) and vi.json (project), checks structure, emptiness and placeholders. */
  private Coverage coverage(String app) {
    JsonNode en = readJson(webjarResource(app, "locales/en.json"));
    JsonNode vi = readJson(projectResource(app, "locales/vi.json"));
    Map<String, JsonNode> enFlat = flatten(en);
    Map<String, JsonNode> viFlat = flatten(vi);

    Set<String> missing = new TreeSet<>(enFlat.keySet());
    missing.removeAll(viFlat.keySet());
    Set<String> extra = new TreeSet<>(viFlat.keySet());
    extra.removeAll(enFlat.keySet());
    assertTrue(missing.isEmpty(), app + ": keys missing in vi.json: " + missing);
    assertTrue(extra.isEmpty(), app + ": keys in vi.json that en.json does not have: " + extra);
    assertEquals(new ArrayList<>(enFlat.keySet()), new ArrayList<>(viFlat.keySet()),
        app + ": key order differs from en.json");

    Coverage c = new Coverage();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : enFlat.entrySet()) {
      String key = e.getKey();
      JsonNode enValue = e.getValue();
      JsonNode viValue = viFlat.get(key);
      if (enValue.getNodeType() != viValue.getNodeType()
          || (enValue.isArray() && enValue.size() != viValue.size())) {
        problems.add(key + ": type/size differs from en.json");
        continue;
      }
      for (int i = 0; i < (enValue.isArray() ? enValue.size() : 1); i++) {
        JsonNode enItem = enValue.isArray() ? enValue.get(i) : enValue;
        JsonNode viItem = viValue.isArray() ? viValue.get(i) : viValue;
        if (enItem.isTextual()) {
          // "s" is Camunda's English plural suffix (PLGN_*_S); Vietnamese has no plural ending.
          boolean pluralSuffix = "s".equals(enItem.asText());
          if (!enItem.asText().isBlank() && viItem.asText().isBlank() && !pluralSuffix) {
            problems.add(key + ": empty value");
          }
          Set<String> missingPlaceholders = placeholders(enItem.asText());
          missingPlaceholders.removeAll(placeholders(viItem.asText()));
          if (!missingPlaceholders.isEmpty()) {
            problems.add(key + ": placeholders lost " + missingPlaceholders);
          }
        }
      }
      c.keys++;
      if (!enValue.equals(viValue)) {
        c.translated++;
      } else {
        c.identical.put(key, enValue.isTextual() ? enValue.asText() : enValue.toString());
        if (isLanguageNeutral(c.identical.get(key)) || !enValue.isTextual() && !enValue.isArray()) {
          c.translated++;
          c.neutral++;
        }
      }
    }
    assertTrue(problems.isEmpty(), app + ": " + problems);
    System.out.printf("%s: %d/%d keys, %d translated (%d of them language-neutral, same as English)%n",
        app, viFlat.size(), enFlat.size(), c.translated, c.neutral);
    return c;
  }

  private static boolean isLanguageNeutral(String value) {
    return LANGUAGE_NEUTRAL.contains(value) || value.matches("-?\\d+");
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group().replaceAll("\\s+", ""));
    }
    return found;
  }

  /** Flattens objects to dotted keys; arrays and scalars are leaves. */
  private static Map<String, JsonNode> flatten(JsonNode root) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    flatten("", root, out);
    return out;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), out);
      }
    } else {
      out.put(prefix, node);
    }
  }

  /** The app's file as shipped in camunda-webapp-webjar (the project shares the path prefix). */
  private static URL webjarResource(String app, String file) {
    List<URL> urls = resources(app, file);
    return urls.stream()
        .filter(u -> u.toString().contains(WEBJAR))
        .findFirst()
        .orElseThrow(() -> new AssertionError(
            "no " + APP_PATH + app + "/" + file + " from " + WEBJAR + " on the test classpath: " + urls));
  }

  /** The project's own override (target/classes), not the webjar's copy. */
  private static URL projectResource(String app, String file) {
    List<URL> urls = resources(app, file);
    return urls.stream()
        .filter(u -> "file".equals(u.getProtocol()))
        .findFirst()
        .orElseThrow(() -> new AssertionError(
            "no project override " + APP_PATH + app + "/" + file + " on the classpath: " + urls));
  }

  private static List<URL> resources(String app, String file) {
    try {
      return Collections.list(WebappLocaleCoverageTest.class.getClassLoader()
          .getResources(APP_PATH + app + "/" + file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode readJson(URL url) {
    try (InputStream in = url.openStream()) {
      return mapper.readTree(in); // byte input: Jackson skips the UTF-8 BOM of Camunda's en.json
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + url, e);
    }
  }

  private static String read(URL url) {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Coverage {
    int keys;
    int translated;
    int neutral;
    final Map<String, String> identical = new LinkedHashMap<>();
  }
}
