package vn.gov.mofa.upr.workflow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The rules of one Camunda Form ({@code forms/*.form}, the file Tasklist renders), applied by the server to every
 * submission: only the form's editable keys, their types, required fields, patterns, allowed values, lengths, dates
 * in the form's format. What passes comes out in the engine's shapes ({@link VariableShapes}).
 */
public final class TaskForm {

    /** A text box holds a line; a text area a report. The engine keeps both whole (see the widened text columns). */
    static final int TEXTFIELD_MAX_LENGTH = 1_000;
    static final int TEXTAREA_MAX_LENGTH = 50_000;

    // the checks form-js makes in the browser for validationType email and phone
    private static final Pattern EMAIL = Pattern.compile("^[\\w-.]+@([\\w-]+\\.)+[\\w-]{2,}$");
    private static final Pattern PHONE = Pattern.compile("(\\+|00)[1-9][0-9 \\-\\(\\)\\.]{7,32}");

    private final String id;
    private final Map<String, Field> editable = new LinkedHashMap<>();
    private final Map<String, Field> readOnly = new LinkedHashMap<>();

    private TaskForm(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static TaskForm parse(JsonNode schema) {
        TaskForm form = new TaskForm(schema.path("id").asText());
        form.collect(schema.path("components"));
        return form;
    }

    private void collect(JsonNode components) {
        for (JsonNode component : components) {
            if (component.has("components")) {
                collect(component.get("components"));
            }
            String key = component.path("key").asText(null);
            if (key == null || key.isBlank()) {
                continue;
            }
            Field field = new Field(key, component.path("label").asText(key), component.path("type").asText(),
                    component.path("validate"), allowedValues(component), component.path("valuesKey").asText(null),
                    component.path("conditional").path("hide").asText(null));
            if (component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false)) {
                readOnly.put(key, field);
            } else {
                editable.put(key, field);
            }
        }
    }

    private static List<String> allowedValues(JsonNode component) {
        List<String> values = new ArrayList<>();
        component.path("values").forEach(v -> values.add(v.path("value").asText()));
        return values;
    }

    /**
     * Checks a submission (the REST API's variable map: name -> {value, type, valueInfo}) against the form and
     * returns the variables to store, in the engine's shapes.
     *
     * @param current the variables the form was opened with (for read-only fields sent back unchanged and for
     *                options that come from a variable)
     * @throws InvalidSubmission naming the field, in Vietnamese
     */
    public ObjectNode check(JsonNode submitted, Map<String, Object> current, ObjectMapper json, Conditions conditions) {
        ObjectNode accepted = json.createObjectNode();
        Map<String, Object> data = new HashMap<>(current);
        submitted.fields().forEachRemaining(entry -> data.put(entry.getKey(), plain(entry.getValue().path("value"), json)));
        submitted.fieldNames().forEachRemaining(name -> {
            if (!editable.containsKey(name)) {
                Field shown = readOnly.get(name);
                if (shown == null) {
                    throw new InvalidSubmission("Biểu mẫu '" + id + "' không có trường '" + name + "': không thể ghi giá trị này.");
                }
                if (!sameAsShown(name, submitted.get(name).path("value"), current.get(name))) {
                    throw new InvalidSubmission("Trường '" + shown.label + "' chỉ để xem, không được thay đổi.");
                }
            }
        });
        for (Field field : editable.values()) {
            if (field.hide != null && conditions.hidden(field.hide, data)) {
                // as in the browser, a hidden field is neither checked nor taken; a hidden checkbox is a "no", so that
                // a decision is always there for the gateway that reads it (${closeCycle})
                if (field.type.equals("checkbox")) {
                    accepted.set(field.key, Field.typed(json, "Boolean", json.getNodeFactory().booleanNode(false)));
                }
                continue;
            }
            // only the value is read: the type stored is the form's own, whatever type was sent with it
            JsonNode value = submitted.path(field.key).path("value");
            ObjectNode stored = field.check(value.isMissingNode() ? null : value, current, json);
            if (stored != null) {
                accepted.set(field.key, stored);
            }
        }
        return accepted;
    }

    private static Object plain(JsonNode value, ObjectMapper json) {
        return value.isMissingNode() || value.isNull() ? null : json.convertValue(value, Object.class);
    }


    /** Tasklist sends read-only fields back as it showed them (dates dd/MM/yyyy, JSON re-serialized). */
    private static boolean sameAsShown(String name, JsonNode sent, Object shown) {
        if (sent.isMissingNode() || sent.isNull()) {
            return shown == null || shown.toString().isEmpty();
        }
        if (shown == null) {
            return sent.isTextual() && sent.asText().isEmpty();
        }
        String text = sent.isTextual() ? sent.asText() : sent.toString();
        return text.equals(shown.toString()) || text.equals(String.valueOf(VariableShapes.onScreen(name, shown)))
                || text.replaceAll("\\s", "").equals(shown.toString().replaceAll("\\s", ""));
    }

    /** One editable or read-only input of the form. */
    private record Field(String key, String label, String type, JsonNode validate, List<String> values, String valuesKey,
            String hide) {

        ObjectNode check(JsonNode value, Map<String, Object> current, ObjectMapper json) {
            boolean blank = value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())
                    || (value.isArray() && value.isEmpty());
            if (blank && !type.equals("checkbox") && !isList()) {
                if (validate.path("required").asBoolean(false)) {
                    throw new InvalidSubmission("Cần điền '" + label + "'.");
                }
                return null;
            }
            return switch (type) {
                case "textfield", "textarea" -> text(value, json);
                case "checkbox" -> typed(json, "Boolean", json.getNodeFactory().booleanNode(bool(blank ? null : value)));
                case "select", "radio" -> choice(value, current, json);
                case "taglist", "checklist" -> list(value, current, json);
                case "number" -> number(value, json);
                case "datetime" -> typed(json, "String", json.getNodeFactory().textNode(isoDate(text(value))));
                default -> throw new InvalidSubmission("Trường '" + label + "' không nhận giá trị từ biểu mẫu.");
            };
        }

        private boolean isList() {
            return type.equals("taglist") || type.equals("checklist");
        }

        private ObjectNode text(JsonNode value, ObjectMapper json) {
            String text = text(value);
            int max = validate.path("maxLength").asInt(type.equals("textarea") ? TEXTAREA_MAX_LENGTH : TEXTFIELD_MAX_LENGTH);
            if (text.length() > max) {
                throw new InvalidSubmission("'" + label + "' dài " + text.length() + " ký tự, tối đa " + max + " ký tự.");
            }
            if (validate.has("minLength") && text.strip().length() < validate.get("minLength").asInt()) {
                throw new InvalidSubmission("'" + label + "' cần ít nhất " + validate.get("minLength").asInt() + " ký tự.");
            }
            String pattern = validate.path("pattern").asText("");
            if (!pattern.isEmpty() && !Pattern.compile(pattern).matcher(text).find()) {
                throw new InvalidSubmission("'" + label + "' không đúng định dạng"
                        + (VariableShapes.DATES.contains(key) ? " ngày/tháng/năm (ví dụ 31/03/2027)." : ".") + " Nhận được: '" + text + "'.");
            }
            String kind = validate.path("validationType").asText("");
            if (kind.equals("email") && !EMAIL.matcher(text).matches()) {
                throw new InvalidSubmission("'" + label + "' không phải địa chỉ thư điện tử hợp lệ: '" + text + "'.");
            }
            if (kind.equals("phone") && !PHONE.matcher(text).matches()) {
                throw new InvalidSubmission("'" + label + "' không phải số điện thoại hợp lệ: '" + text + "'.");
            }
            String stored = VariableShapes.DATES.contains(key) ? isoDate(text) : text;
            return typed(json, "String", json.getNodeFactory().textNode(stored));
        }

        private String text(JsonNode value) {
            if (!value.isTextual()) {
                throw new InvalidSubmission("'" + label + "' phải là văn bản, nhận được: " + value);
            }
            return value.asText();
        }

        private String isoDate(String text) {
            try {
                return Deadlines.parse(text).toString();
            } catch (IllegalArgumentException e) {
                throw new InvalidSubmission("'" + label + "': " + e.getMessage());
            }
        }

        private ObjectNode choice(JsonNode value, Map<String, Object> current, ObjectMapper json) {
            String chosen = value.isTextual() || value.isBoolean() || value.isNumber() ? value.asText() : null;
            if (chosen == null || !options(current, json).contains(chosen)) {
                throw new InvalidSubmission("'" + label + "' không nhận giá trị '" + (chosen == null ? value : chosen)
                        + "'. Chọn một trong các giá trị của biểu mẫu.");
            }
            if (VariableShapes.BOOLEANS.contains(key)) {
                return typed(json, "Boolean", json.getNodeFactory().booleanNode(bool(value)));
            }
            return typed(json, "String", json.getNodeFactory().textNode(chosen));
        }

        private ObjectNode list(JsonNode value, Map<String, Object> current, ObjectMapper json) {
            JsonNode items = value;
            if (value != null && value.isTextual()) {
                try {
                    items = json.readTree(value.asText());
                } catch (java.io.IOException e) {
                    throw new InvalidSubmission("'" + label + "' phải là một danh sách.");
                }
            }
            ArrayNode chosen = json.createArrayNode();
            if (items != null && !items.isNull()) {
                if (!items.isArray()) {
                    throw new InvalidSubmission("'" + label + "' phải là một danh sách.");
                }
                List<String> options = options(current, json);
                for (JsonNode item : items) {
                    String code = item.isObject() ? item.path("value").asText() : item.asText();
                    if (!item.isValueNode() && !item.isObject() || !options.contains(code)) {
                        throw new InvalidSubmission("'" + label + "' không nhận giá trị '" + code + "'.");
                    }
                    chosen.add(code);
                }
            }
            if (chosen.isEmpty() && validate.path("required").asBoolean(false)) {
                throw new InvalidSubmission("Cần chọn ít nhất một giá trị cho '" + label + "'.");
            }
            return typed(json, "Json", json.getNodeFactory().textNode(chosen.toString()));
        }

        private ObjectNode number(JsonNode value, ObjectMapper json) {
            BigDecimal number;
            try {
                number = value.isNumber() ? value.decimalValue() : new BigDecimal(text(value).strip());
            } catch (NumberFormatException e) {
                throw new InvalidSubmission("'" + label + "' phải là một số.");
            }
            if (validate.has("min") && number.compareTo(validate.get("min").decimalValue()) < 0
                    || validate.has("max") && number.compareTo(validate.get("max").decimalValue()) > 0) {
                throw new InvalidSubmission("'" + label + "' nằm ngoài khoảng cho phép.");
            }
            return number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
                    ? typed(json, "Long", json.getNodeFactory().numberNode(number.longValueExact()))
                    : typed(json, "Double", json.getNodeFactory().numberNode(number.doubleValue()));
        }

        private List<String> options(Map<String, Object> current, ObjectMapper json) {
            if (valuesKey == null || valuesKey.isBlank()) {
                return values;
            }
            List<String> dynamic = new ArrayList<>();
            Object source = current.get(valuesKey);
            try {
                for (JsonNode option : json.readTree(source == null ? "[]" : source.toString())) {
                    dynamic.add(option.isObject() ? option.path("value").asText() : option.asText());
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException("options of " + key + " are not a JSON list", e);
            }
            return dynamic;
        }

        private boolean bool(JsonNode value) {
            if (value == null || value.isNull()) {
                return false;
            }
            if (value.isBoolean()) {
                return value.asBoolean();
            }
            String text = value.asText().strip();
            if (text.equals("true") || text.equals("false")) {
                return Boolean.parseBoolean(text);
            }
            throw new InvalidSubmission("'" + label + "' chỉ nhận Có hoặc Không (true/false), nhận được: '" + text + "'.");
        }

        private static ObjectNode typed(ObjectMapper json, String type, JsonNode value) {
            ObjectNode variable = json.createObjectNode();
            variable.put("type", type);
            variable.set("value", value);
            return variable;
        }
    }

    /** Evaluates a form's FEEL condition ({@code conditional.hide}) on the data the form holds. */
    @FunctionalInterface
    public interface Conditions {
        boolean hidden(String feelExpression, Map<String, Object> data);
    }

    /** A submission the form does not allow; the message names the field, in Vietnamese. */
    public static class InvalidSubmission extends RuntimeException {
        public InvalidSubmission(String message) {
            super(message);
        }
    }
}
