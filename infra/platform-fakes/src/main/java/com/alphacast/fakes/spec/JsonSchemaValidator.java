package com.alphacast.fakes.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Validates JSON values against the JSON Schema dialect used by OpenAPI 3.0 and 3.1 documents: $ref
 * (local), type (single, list, or OpenAPI 3.0 {@code nullable}), properties, required,
 * additionalProperties, items, min/maxItems, uniqueItems, min/maxProperties, min/maxLength (code points),
 * pattern, enum, const, minimum/maximum, exclusiveMinimum/Maximum, allOf, anyOf and oneOf (at least one
 * branch must match: the specs use oneOf for disjoint unions such as "null or object", and requiring
 * exactly one would reject valid payloads where branches overlap).
 */
public final class JsonSchemaValidator {

    private static final int MAX_DEPTH = 64;
    private final JsonNode document;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    public JsonSchemaValidator(JsonNode document) {
        this.document = Objects.requireNonNull(document, "document");
    }

    /** Violations of {@code value} against {@code schema}, each naming the JSON path; empty when valid. */
    public List<String> validate(JsonNode value, JsonNode schema, String path) {
        List<String> violations = new ArrayList<>();
        check(value, schema, path, violations, 0);
        return violations;
    }

    public JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        int hops = 0;
        while (current != null && current.has("$ref") && hops++ < 16) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only local $ref is supported, got " + ref);
            }
            current = document.at(ref.substring(1));
            if (current.isMissingNode()) {
                throw new IllegalArgumentException("unresolvable $ref " + ref);
            }
        }
        return current;
    }

    private void check(JsonNode value, JsonNode rawSchema, String path, List<String> out, int depth) {
        if (rawSchema == null || depth > MAX_DEPTH) {
            return;
        }
        if (rawSchema.isBoolean()) {
            if (!rawSchema.asBoolean()) {
                out.add(path + ": not allowed here");
            }
            return;
        }
        JsonNode schema = rawSchema.has("$ref") ? merged(rawSchema) : rawSchema;

        if (schema.has("allOf")) {
            for (JsonNode branch : schema.get("allOf")) {
                check(value, branch, path, out, depth + 1);
            }
        }
        for (String union : new String[] {"oneOf", "anyOf"}) {
            if (schema.has(union)) {
                List<String> firstFailure = null;
                boolean matched = false;
                for (JsonNode branch : schema.get(union)) {
                    List<String> attempt = new ArrayList<>();
                    check(value, branch, path, attempt, depth + 1);
                    if (attempt.isEmpty()) {
                        matched = true;
                        break;
                    }
                    if (firstFailure == null || attempt.size() < firstFailure.size()) {
                        firstFailure = attempt;
                    }
                }
                if (!matched) {
                    out.add(path + ": matches none of the " + union + " alternatives"
                            + (firstFailure == null ? "" : " (closest: " + String.join("; ", firstFailure) + ")"));
                }
            }
        }
        if (schema.has("const") && !equalValues(schema.get("const"), value)) {
            out.add(path + ": must be " + schema.get("const") + ", was " + value);
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode option : schema.get("enum")) {
                found |= equalValues(option, value);
            }
            if (!found) {
                out.add(path + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (!typeMatches(value, schema)) {
            out.add(path + ": expected " + describeType(schema) + ", was " + kind(value));
            return;
        }
        if (value.isTextual()) {
            String text = value.asText();
            int length = text.codePointCount(0, text.length());
            if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
                out.add(path + ": length " + length + " exceeds maxLength " + schema.get("maxLength").asInt());
            }
            if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
                out.add(path + ": length " + length + " is below minLength " + schema.get("minLength").asInt());
            }
            if (schema.has("pattern")) {
                Pattern pattern = patterns.computeIfAbsent(schema.get("pattern").asText(), Pattern::compile);
                if (!pattern.matcher(text).find()) {
                    out.add(path + ": '" + abbreviate(text) + "' does not match pattern " + pattern.pattern());
                }
            }
        }
        if (value.isNumber()) {
            double number = value.asDouble();
            if (schema.has("minimum") && number < schema.get("minimum").asDouble()) {
                out.add(path + ": " + value + " is below minimum " + schema.get("minimum"));
            }
            if (schema.has("maximum") && number > schema.get("maximum").asDouble()) {
                out.add(path + ": " + value + " exceeds maximum " + schema.get("maximum"));
            }
            if (schema.has("exclusiveMinimum") && schema.get("exclusiveMinimum").isNumber()
                    && number <= schema.get("exclusiveMinimum").asDouble()) {
                out.add(path + ": " + value + " must exceed " + schema.get("exclusiveMinimum"));
            }
            if (schema.has("exclusiveMaximum") && schema.get("exclusiveMaximum").isNumber()
                    && number >= schema.get("exclusiveMaximum").asDouble()) {
                out.add(path + ": " + value + " must be below " + schema.get("exclusiveMaximum"));
            }
        }
        if (value.isArray()) {
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                out.add(path + ": " + value.size() + " items exceed maxItems " + schema.get("maxItems").asInt());
            }
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                out.add(path + ": " + value.size() + " items are below minItems " + schema.get("minItems").asInt());
            }
            if (schema.path("uniqueItems").asBoolean(false)) {
                Set<JsonNode> seen = new HashSet<>();
                for (JsonNode item : value) {
                    if (!seen.add(item)) {
                        out.add(path + ": duplicate item " + abbreviate(item.toString()));
                    }
                }
            }
            if (schema.has("items")) {
                for (int i = 0; i < value.size(); i++) {
                    check(value.get(i), schema.get("items"), path + "[" + i + "]", out, depth + 1);
                }
            }
        }
        if (value.isObject()) {
            JsonNode properties = schema.path("properties");
            if (schema.has("required")) {
                for (JsonNode name : schema.get("required")) {
                    if (!value.has(name.asText())) {
                        out.add(path + ": required property '" + name.asText() + "' is missing");
                    }
                }
            }
            if (schema.has("maxProperties") && value.size() > schema.get("maxProperties").asInt()) {
                out.add(path + ": " + value.size() + " properties exceed maxProperties " + schema.get("maxProperties"));
            }
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String childPath = path + "." + field.getKey();
                if (properties.has(field.getKey())) {
                    check(field.getValue(), properties.get(field.getKey()), childPath, out, depth + 1);
                } else if (schema.has("additionalProperties")) {
                    JsonNode additional = schema.get("additionalProperties");
                    if (additional.isBoolean() && !additional.asBoolean()) {
                        out.add(childPath + ": unknown property");
                    } else if (additional.isObject()) {
                        check(field.getValue(), additional, childPath, out, depth + 1);
                    }
                }
            }
        }
    }

    /** A schema with $ref and sibling keywords (allowed in 3.1): the referenced schema plus the siblings. */
    private JsonNode merged(JsonNode schema) {
        JsonNode target = resolve(schema);
        if (schema.size() == 1) {
            return target;
        }
        com.fasterxml.jackson.databind.node.ObjectNode copy = ((com.fasterxml.jackson.databind.node.ObjectNode) target).deepCopy();
        schema.fields().forEachRemaining(entry -> {
            if (!entry.getKey().equals("$ref") && !entry.getKey().equals("description")) {
                copy.set(entry.getKey(), entry.getValue());
            }
        });
        return copy;
    }

    private static boolean typeMatches(JsonNode value, JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return true;
        }
        if (value.isNull() && schema.path("nullable").asBoolean(false)) {
            return true;
        }
        if (type.isArray()) {
            for (JsonNode option : type) {
                if (isType(value, option.asText())) {
                    return true;
                }
            }
            return false;
        }
        return isType(value, type.asText());
    }

    private static boolean isType(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber() || (value.isNumber() && value.asDouble() == Math.rint(value.asDouble()));
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            case "null" -> value.isNull();
            default -> true;
        };
    }

    private static String describeType(JsonNode schema) {
        JsonNode type = schema.get("type");
        return type.isArray() ? type.toString() : type.asText();
    }

    private static String kind(JsonNode value) {
        if (value.isTextual()) {
            return "string";
        }
        if (value.isIntegralNumber()) {
            return "integer " + value;
        }
        if (value.isNumber()) {
            return "number " + value;
        }
        return value.getNodeType().name().toLowerCase();
    }

    private static boolean equalValues(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.asDouble() == actual.asDouble();
        }
        return expected.equals(actual);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
