package com.alphacast.fakes.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine-readable Bot API (methods, types, fields, required flags) used to check every call: required
 * parameters present, no unknown parameters, every value of its declared type (recursively through
 * objects such as {@code InlineKeyboardMarkup}), and the documented lengths ("1-4096 characters",
 * measured after entity parsing when a parse mode is set).
 */
public final class TelegramBotApiSpec {

    private static final Pattern LENGTH = Pattern.compile("(\\d+)-(\\d+) characters");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode methods;
    private final JsonNode types;
    private final Map<String, String> methodNames = new HashMap<>();

    public TelegramBotApiSpec(JsonNode document) {
        this.methods = document.path("methods");
        this.types = document.path("types");
        methods.fieldNames().forEachRemaining(name -> methodNames.put(name.toLowerCase(Locale.ROOT), name));
    }

    /** The method's canonical name; method names are case-insensitive in the Bot API. */
    public Optional<String> method(String name) {
        return Optional.ofNullable(methodNames.get(name.toLowerCase(Locale.ROOT)));
    }

    public int methodCount() {
        return methods.size();
    }

    public int typeCount() {
        return types.size();
    }

    /**
     * Violations of a call's parameters. Values that arrived form-encoded are text; objects and arrays then
     * hold JSON, which is parsed before checking.
     */
    public List<String> validateCall(String methodName, Map<String, JsonNode> parameters) {
        List<String> violations = new ArrayList<>();
        Optional<String> canonical = method(methodName);
        if (canonical.isEmpty()) {
            violations.add("method '" + methodName + "' not found");
            return violations;
        }
        JsonNode method = methods.get(canonical.get());
        Map<String, JsonNode> declared = new HashMap<>();
        for (JsonNode field : method.path("fields")) {
            declared.put(field.path("name").asText(), field);
        }
        for (JsonNode field : declared.values()) {
            String name = field.path("name").asText();
            if (field.path("required").asBoolean() && !parameters.containsKey(name)) {
                violations.add("parameter '" + name + "' is required");
            }
        }
        String parseMode = parameters.containsKey("parse_mode") ? parameters.get("parse_mode").asText() : null;
        for (Map.Entry<String, JsonNode> parameter : parameters.entrySet()) {
            JsonNode field = declared.get(parameter.getKey());
            if (field == null) {
                // TelegramBots serialises the method name into the body; the Bot API ignores it.
                if (!parameter.getKey().equals("method")) {
                    violations.add("unknown parameter '" + parameter.getKey() + "' for " + canonical.get());
                }
                continue;
            }
            checkValue(parameter.getValue(), field.path("types"), parameter.getKey(), violations, true);
            checkLength(parameter.getValue(), field, parameter.getKey(), parseMode, violations);
        }
        return violations;
    }

    /** Checks a value against a type (for responses and updates): e.g. {@code validateType(update, "Update")}. */
    public List<String> validateType(JsonNode value, String typeName) {
        List<String> violations = new ArrayList<>();
        checkObject(value, typeName, typeName, violations, false);
        return violations;
    }

    private void checkLength(JsonNode value, JsonNode field, String path, String parseMode, List<String> out) {
        Matcher matcher = LENGTH.matcher(field.path("description").asText());
        if (!matcher.find() || !value.isTextual()) {
            return;
        }
        String text = value.asText();
        boolean parsed = parseMode != null && (path.equals("text") || path.equals("caption"));
        if (parsed && parseMode.equalsIgnoreCase("HTML")) {
            try {
                text = TelegramHtml.parse(text);
            } catch (IllegalArgumentException e) {
                out.add(e.getMessage());
                return;
            }
        }
        int min = Integer.parseInt(matcher.group(1));
        int max = Integer.parseInt(matcher.group(2));
        if (text.length() < min || text.length() > max) {
            out.add(path + ": " + (text.length() < min ? (text.isEmpty() ? "text must be non-empty" : "too short") : "too long")
                    + " (" + text.length() + " characters" + (parsed ? " after entities parsing" : "")
                    + ", allowed " + min + "-" + max + ")");
        }
    }

    private void checkValue(JsonNode value, JsonNode typeOptions, String path, List<String> out, boolean textualForm) {
        List<String> best = null;
        for (JsonNode option : typeOptions) {
            List<String> attempt = new ArrayList<>();
            checkType(value, option.asText(), path, attempt, textualForm);
            if (attempt.isEmpty()) {
                return;
            }
            if (best == null || attempt.size() < best.size()) {
                best = attempt;
            }
        }
        if (best != null) {
            out.addAll(best);
        }
    }

    private void checkType(JsonNode value, String type, String path, List<String> out, boolean textualForm) {
        if (type.startsWith("Array of ")) {
            JsonNode array = textualForm && value.isTextual() ? parseJson(value.asText(), path, out) : value;
            if (array == null) {
                return;
            }
            if (!array.isArray()) {
                out.add(path + ": expected " + type + ", was " + array.getNodeType().name().toLowerCase());
                return;
            }
            String element = type.substring("Array of ".length());
            for (int i = 0; i < array.size(); i++) {
                checkType(array.get(i), element, path + "[" + i + "]", out, false);
            }
            return;
        }
        switch (type) {
            case "Integer" -> {
                boolean ok = value.isIntegralNumber() || (textualForm && value.isTextual() && value.asText().matches("-?\\d+"));
                if (!ok) {
                    out.add(path + ": expected Integer, was " + describe(value));
                }
            }
            case "Float" -> {
                boolean ok = value.isNumber() || (textualForm && value.isTextual() && value.asText().matches("-?\\d+(\\.\\d+)?"));
                if (!ok) {
                    out.add(path + ": expected Float, was " + describe(value));
                }
            }
            case "String" -> {
                if (!value.isTextual()) {
                    out.add(path + ": expected String, was " + describe(value));
                }
            }
            case "Boolean" -> {
                boolean ok = value.isBoolean() || (textualForm && value.isTextual() && value.asText().matches("(?i)true|false"));
                if (!ok) {
                    out.add(path + ": expected Boolean, was " + describe(value));
                }
            }
            case "True" -> {
                if (!(value.isBoolean() && value.asBoolean())) {
                    out.add(path + ": expected True, was " + describe(value));
                }
            }
            case "InputFile" -> {
                if (!value.isTextual()) {
                    out.add(path + ": expected a file id or URL, was " + describe(value));
                }
            }
            default -> {
                JsonNode object = textualForm && value.isTextual() ? parseJson(value.asText(), path, out) : value;
                if (object != null) {
                    checkObject(object, type, path, out, false);
                }
            }
        }
    }

    private void checkObject(JsonNode value, String typeName, String path, List<String> out, boolean textualForm) {
        JsonNode type = types.get(typeName);
        if (type == null) {
            out.add(path + ": unknown type " + typeName);
            return;
        }
        if (type.has("subtypes")) {
            List<String> best = null;
            for (JsonNode subtype : type.get("subtypes")) {
                List<String> attempt = new ArrayList<>();
                checkObject(value, subtype.asText(), path, attempt, textualForm);
                if (attempt.isEmpty()) {
                    return;
                }
                if (best == null || attempt.size() < best.size()) {
                    best = attempt;
                }
            }
            out.add(path + ": matches no kind of " + typeName + (best == null ? "" : " (closest: " + String.join("; ", best) + ")"));
            return;
        }
        if (!value.isObject()) {
            out.add(path + ": expected " + typeName + " object, was " + describe(value));
            return;
        }
        Map<String, JsonNode> declared = new HashMap<>();
        for (JsonNode field : type.path("fields")) {
            declared.put(field.path("name").asText(), field);
            if (field.path("required").asBoolean() && !value.has(field.path("name").asText())) {
                out.add(path + "." + field.path("name").asText() + ": required field of " + typeName + " is missing");
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            JsonNode field = declared.get(entry.getKey());
            if (field == null) {
                out.add(path + "." + entry.getKey() + ": unknown field of " + typeName);
                continue;
            }
            if (entry.getValue().isNull() && !field.path("required").asBoolean()) {
                continue; // an explicit null for an optional field means "absent" to JSON clients
            }
            checkValue(entry.getValue(), field.path("types"), path + "." + entry.getKey(), out, false);
            checkLength(entry.getValue(), field, path + "." + entry.getKey(), null, out);
        }
    }

    private static JsonNode parseJson(String text, String path, List<String> out) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            out.add(path + ": can't parse JSON: " + e.getMessage());
            return null;
        }
    }

    private static String describe(JsonNode value) {
        return value.isTextual() ? "string \"" + (value.asText().length() > 40 ? value.asText().substring(0, 40) + "…" : value.asText()) + "\""
                : value.getNodeType().name().toLowerCase() + " " + (value.toString().length() > 40 ? value.toString().substring(0, 40) : value);
    }
}
