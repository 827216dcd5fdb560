package com.alphacast.core.briefing.answer;

import com.alphacast.core.text.TerminalText;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a model's answer as {@code briefing-answer.schema.json} describes it, reporting every deviation with its
 * path: text that is not one JSON object, a missing or unknown key, a value of the wrong type, a bias outside the
 * allowed set. Models often wrap JSON in a Markdown code fence when structured output is not available; one such
 * fence around the whole answer is removed, nothing else is repaired.
 */
public final class BriefingAnswerParser {

    /** Longest answer read at all; a briefing that fits Telegram is far shorter. */
    public static final int MAX_ANSWER_CHARS = 64 * 1024;

    private static final Set<String> TOP = Set.of("headline", "bias", "bias_reasons", "key_levels", "scenarios", "risks");
    private static final Set<String> LEVEL = Set.of("fact", "value", "note");
    private static final Set<String> SCENARIO = Set.of("condition", "outcome");

    private final JsonFactory json = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxNumberLength(40).build())
            .build();

    /** The answer, or no answer and every reason its shape is wrong. */
    public AnswerVerdict parse(String text) {
        if (text == null || text.isBlank()) {
            return rejected(new Violation("$", "the answer is empty"));
        }
        if (text.length() > MAX_ANSWER_CHARS) {
            return rejected(new Violation("$", "the answer has " + text.length() + " characters, more than "
                    + MAX_ANSWER_CHARS));
        }
        Object tree;
        try {
            tree = read(unfenced(text.strip()));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return rejected(new Violation("$", "not valid JSON" + where + ": "
                    + TerminalText.excerpt(e.getOriginalMessage(), 200)));
        } catch (IOException e) {
            return rejected(new Violation("$", "not valid JSON: " + TerminalText.excerpt(e.getMessage(), 200)));
        }
        List<Violation> violations = new ArrayList<>();
        if (!(tree instanceof Map<?, ?> root)) {
            return rejected(new Violation("$", "expected a JSON object, found " + kind(tree)));
        }
        keys("$", root, TOP, violations);
        String headline = string("headline", root.get("headline"), root.containsKey("headline"), violations);
        Bias bias = bias(root, violations);
        List<String> reasons = strings("bias_reasons", root, violations);
        List<KeyLevel> levels = levels(root, violations);
        List<Scenario> scenarios = scenarios(root, violations);
        List<String> risks = strings("risks", root, violations);
        if (!violations.isEmpty()) {
            return new AnswerVerdict(Optional.empty(), violations);
        }
        return new AnswerVerdict(Optional.of(new BriefingAnswer(headline, bias, reasons, levels, scenarios, risks)),
                List.of());
    }

    private static String unfenced(String text) {
        if (text.startsWith("```") && text.endsWith("```") && text.length() >= 6) {
            int firstLine = text.indexOf('\n');
            if (firstLine > 0 && firstLine < text.length() - 3) {
                String label = text.substring(3, firstLine).strip();
                if (label.isEmpty() || label.equals("json")) {
                    return text.substring(firstLine + 1, text.length() - 3);
                }
            }
        }
        return text;
    }

    private Object read(String text) throws IOException {
        try (JsonParser p = json.createParser(text)) {
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            p.nextToken();
            Object value = value(p);
            if (p.nextToken() != null) {
                throw new JsonProcessingException("content after the answer's JSON value", p.currentLocation()) {
                };
            }
            return value;
        }
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == null) {
            throw new JsonProcessingException("no JSON value", p.currentLocation()) {
            };
        }
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    object.put(name, value(p));
                }
                yield object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(p));
                }
                yield array;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> Null.NULL;
            default -> throw new JsonProcessingException("unexpected " + token, p.currentLocation()) {
            };
        };
    }

    /** JSON null, distinct from a missing key. */
    private enum Null { NULL }

    private static void keys(String path, Map<?, ?> object, Set<String> expected, List<Violation> violations) {
        for (String key : expected.stream().sorted().toList()) {
            if (!object.containsKey(key)) {
                violations.add(new Violation(path.equals("$") ? key : path + "." + key, "required field is missing"));
            }
        }
        for (Object key : object.keySet()) {
            if (!expected.contains(key)) {
                violations.add(new Violation(path, "unknown field \"" + TerminalText.excerpt((String) key, 60)
                        + "\" (allowed: " + String.join(", ", expected.stream().sorted().toList()) + ")"));
            }
        }
    }

    private static String string(String path, Object value, boolean present, List<Violation> violations) {
        if (!present) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        violations.add(new Violation(path, "expected a string, found " + kind(value)));
        return null;
    }

    private static Bias bias(Map<?, ?> root, List<Violation> violations) {
        if (!root.containsKey("bias")) {
            return null;
        }
        String key = string("bias", root.get("bias"), true, violations);
        if (key == null) {
            return null;
        }
        Bias bias = Bias.fromKey(key);
        if (bias == null) {
            violations.add(new Violation("bias", "\"" + TerminalText.excerpt(key, 40)
                    + "\" is not one of bullish, bearish, neutral, range"));
        }
        return bias;
    }

    private static List<?> array(String path, Map<?, ?> root, List<Violation> violations) {
        if (!root.containsKey(path)) {
            return null;
        }
        Object value = root.get(path);
        if (value instanceof List<?> list) {
            return list;
        }
        violations.add(new Violation(path, "expected an array, found " + kind(value)));
        return null;
    }

    private static List<String> strings(String path, Map<?, ?> root, List<Violation> violations) {
        List<?> items = array(path, root, violations);
        List<String> out = new ArrayList<>();
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                String s = string(path + "[" + i + "]", items.get(i), true, violations);
                if (s != null) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static List<KeyLevel> levels(Map<?, ?> root, List<Violation> violations) {
        List<?> items = array("key_levels", root, violations);
        List<KeyLevel> out = new ArrayList<>();
        if (items == null) {
            return out;
        }
        for (int i = 0; i < items.size(); i++) {
            String path = "key_levels[" + i + "]";
            if (!(items.get(i) instanceof Map<?, ?> level)) {
                violations.add(new Violation(path, "expected an object, found " + kind(items.get(i))));
                continue;
            }
            int before = violations.size();
            keys(path, level, LEVEL, violations);
            String fact = string(path + ".fact", level.get("fact"), level.containsKey("fact"), violations);
            String note = string(path + ".note", level.get("note"), level.containsKey("note"), violations);
            Double value = null;
            if (level.containsKey("value")) {
                if (level.get("value") instanceof BigDecimal number) {
                    value = number.doubleValue();
                } else {
                    violations.add(new Violation(path + ".value", "expected a number, found " + kind(level.get("value"))));
                }
            }
            if (violations.size() == before) {
                out.add(new KeyLevel(fact, value, note));
            }
        }
        return out;
    }

    private static List<Scenario> scenarios(Map<?, ?> root, List<Violation> violations) {
        List<?> items = array("scenarios", root, violations);
        List<Scenario> out = new ArrayList<>();
        if (items == null) {
            return out;
        }
        for (int i = 0; i < items.size(); i++) {
            String path = "scenarios[" + i + "]";
            if (!(items.get(i) instanceof Map<?, ?> scenario)) {
                violations.add(new Violation(path, "expected an object, found " + kind(items.get(i))));
                continue;
            }
            int before = violations.size();
            keys(path, scenario, SCENARIO, violations);
            String condition = string(path + ".condition", scenario.get("condition"), scenario.containsKey("condition"),
                    violations);
            String outcome = string(path + ".outcome", scenario.get("outcome"), scenario.containsKey("outcome"), violations);
            if (violations.size() == before) {
                out.add(new Scenario(condition, outcome));
            }
        }
        return out;
    }

    private static String kind(Object value) {
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof BigDecimal) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        return "null";
    }

    private static AnswerVerdict rejected(Violation violation) {
        return new AnswerVerdict(Optional.empty(), List.of(violation));
    }
}
