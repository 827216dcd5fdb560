package com.alphacast.functions;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a real queue message (a body the project's codec wrote) into a hostile one: truncated, fields deleted or
 * duplicated, values of the wrong type, numbers out of range, NaN and infinities, control characters and lone
 * surrogates, huge strings, deep nesting, another message type, or odd SQS attributes. Each mutation is a pure
 * function of the random source, so a seed reproduces it.
 */
final class HostileMessageMutator {

    /** A mutated message, named by what was done to it (printed with the seed when a case fails). */
    record Hostile(String mutation, String body, Map<String, String> attributes,
                   Map<String, SQSEvent.MessageAttribute> messageAttributes) {

        SQSEvent.SQSMessage toMessage(String messageId) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId(messageId);
            message.setBody(body);
            message.setAttributes(attributes);
            message.setMessageAttributes(messageAttributes);
            message.setEventSource("aws:sqs");
            return message;
        }

        String describe() {
            String shown = body == null ? "null" : body.length() > 600
                    ? body.substring(0, 300) + "…[" + body.length() + " chars]…" + body.substring(body.length() - 300)
                    : body;
            return mutation + " body=" + escape(shown) + " attributes=" + attributes + " messageAttributes="
                    + (messageAttributes == null ? null : messageAttributes.keySet());
        }
    }

    private static final Pattern FIELD = Pattern.compile("\"([A-Za-z]+)\":");
    private static final String[] RAW_NUMBERS = {"1e400", "-1e400", "1e-400", "NaN", "Infinity", "-Infinity",
        "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890.5", "0", "-0", "-1",
        "2147483648", "1.7976931348623157E309", "0x10", "01", "1.", ".5", "+1"};
    private static final String[] RAW_VALUES = {"null", "true", "false", "\"\"", "\" \"", "\"NaN\"", "\"Infinity\"",
        "[]", "{}", "[1,2]", "{\"id\":\"x\"}", "\"1303.5\"", "\"2011-13-45T25:61:00Z\"", "\"+1000000000-01-01T00:00:00Z\"",
        "\"LONG \"", "\"long\"", "\"PLATINUM\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00x\"", "'single'", "undefined"};
    private static final String[] WHOLE_BODIES = {"", " ", "\n", "null", "{}", "[]", "\"\"", "0", "true", "{", "}",
        "{\"", "[{}]", "\uFEFF{}", "\u0000", "<xml/>", "{\"id\":null}"};

    private final SplittableRandom random;

    HostileMessageMutator(SplittableRandom random) {
        this.random = random;
    }

    /** One to three mutations of {@code body}; {@code otherType} is a real body of another queue's message type. */
    Hostile mutate(String body, String otherType, String existingId) {
        List<String> done = new ArrayList<>();
        String mutated = body;
        int rounds = 1 + random.nextInt(random.nextInt(4) == 0 ? 3 : 1);
        for (int i = 0; i < rounds; i++) {
            int kind = random.nextInt(15);
            done.add(kindName(kind));
            mutated = apply(kind, mutated, otherType, existingId);
        }
        Map<String, String> attributes = new HashMap<>(Map.of("ApproximateReceiveCount", "1",
                "SentTimestamp", "1312150000000"));
        Map<String, SQSEvent.MessageAttribute> messageAttributes = new HashMap<>();
        if (random.nextInt(4) == 0) {
            done.add("attributes");
            attributes = hostileAttributes();
            messageAttributes = hostileMessageAttributes();
        }
        return new Hostile(String.join("+", done), mutated, attributes, messageAttributes);
    }

    private static String kindName(int kind) {
        return switch (kind) {
            case 0 -> "truncate";
            case 1 -> "wholeBody";
            case 2 -> "deleteField";
            case 3 -> "swapType";
            case 4 -> "rawNumber";
            case 5 -> "hugeString";
            case 6 -> "controlCharacter";
            case 7 -> "duplicateKey";
            case 8 -> "wrongId";
            case 9 -> "deepNesting";
            case 10 -> "flipCharacter";
            case 11 -> "otherMessageType";
            case 12 -> "unknownField";
            case 13 -> "unbalancedNesting";
            default -> "renameField";
        };
    }

    private String apply(int kind, String body, String otherType, String existingId) {
        return switch (kind) {
            case 0 -> body.isEmpty() ? body : body.substring(0, random.nextInt(body.length()));
            case 1 -> WHOLE_BODIES[random.nextInt(WHOLE_BODIES.length)];
            case 2 -> deleteField(body);
            case 3 -> replaceValue(body, RAW_VALUES[random.nextInt(RAW_VALUES.length)]);
            case 4 -> replaceValue(body, RAW_NUMBERS[random.nextInt(RAW_NUMBERS.length)]);
            case 5 -> replaceValue(body, "\"" + "x".repeat(1 + random.nextInt(400_000)) + "\"");
            case 6 -> insertInString(body, controlCharacter());
            case 7 -> duplicateKey(body);
            case 8 -> replaceField(body, "id", wrongId(existingId));
            case 9 -> replaceValue(body, "[".repeat(2_000 + random.nextInt(20_000)) + "]".repeat(2_000 + random.nextInt(20_000)));
            case 10 -> flipCharacter(body);
            case 11 -> otherType;
            case 12 -> body.startsWith("{") ? "{\"" + "extra" + random.nextInt(10) + "\":1," + body.substring(1) : body;
            case 13 -> "{\"a\":" + "{\"a\":".repeat(50_000 + random.nextInt(50_000));
            default -> renameField(body);
        };
    }

    private List<int[]> fieldValueSpans(String body) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = FIELD.matcher(body);
        while (m.find()) {
            int start = m.end();
            int end = valueEnd(body, start);
            if (end > start) {
                spans.add(new int[] {m.start(), start, end});
            }
        }
        return spans;
    }

    /** The end of the JSON value starting at {@code start}, or {@code start} when the text is not one. */
    private static int valueEnd(String s, int start) {
        if (start >= s.length()) {
            return start;
        }
        char c = s.charAt(start);
        if (c == '"') {
            for (int i = start + 1; i < s.length(); i++) {
                if (s.charAt(i) == '\\') {
                    i++;
                } else if (s.charAt(i) == '"') {
                    return i + 1;
                }
            }
            return start;
        }
        if (c == '{' || c == '[') {
            int depth = 0;
            boolean inString = false;
            for (int i = start; i < s.length(); i++) {
                char d = s.charAt(i);
                if (inString) {
                    if (d == '\\') {
                        i++;
                    } else if (d == '"') {
                        inString = false;
                    }
                } else if (d == '"') {
                    inString = true;
                } else if (d == '{' || d == '[') {
                    depth++;
                } else if ((d == '}' || d == ']') && --depth == 0) {
                    return i + 1;
                }
            }
            return start;
        }
        int i = start;
        while (i < s.length() && ",}]".indexOf(s.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    private int[] someField(String body) {
        List<int[]> spans = fieldValueSpans(body);
        return spans.isEmpty() ? null : spans.get(random.nextInt(spans.size()));
    }

    private String deleteField(String body) {
        int[] span = someField(body);
        if (span == null) {
            return body;
        }
        int end = span[2] < body.length() && body.charAt(span[2]) == ',' ? span[2] + 1 : span[2];
        return body.substring(0, span[0]) + body.substring(end);
    }

    private String replaceValue(String body, String value) {
        int[] span = someField(body);
        return span == null ? body : body.substring(0, span[1]) + value + body.substring(span[2]);
    }

    private String replaceField(String body, String name, String value) {
        List<int[]> spans = fieldValueSpans(body).stream()
                .filter(span -> body.startsWith("\"" + name + "\":", span[0])).toList();
        if (spans.isEmpty()) {
            return body;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        return body.substring(0, span[1]) + value + body.substring(span[2]);
    }

    private String renameField(String body) {
        int[] span = someField(body);
        if (span == null) {
            return body;
        }
        String[] names = {"ID", "Id", "", " id", "id ", "entry\u0000", "signal", "tier", "symbol", "\u00e9ntry"};
        return body.substring(0, span[0]) + "\"" + names[random.nextInt(names.length)] + "\":" + body.substring(span[1]);
    }

    private String duplicateKey(String body) {
        int[] span = someField(body);
        if (span == null) {
            return body;
        }
        String field = body.substring(span[0], span[2]);
        String twin = field.substring(0, span[1] - span[0]) + RAW_VALUES[random.nextInt(RAW_VALUES.length)];
        return body.substring(0, span[2]) + "," + (random.nextBoolean() ? field : twin) + body.substring(span[2]);
    }

    private String controlCharacter() {
        String[] characters = {"\u0000", "\u0001", "\u001b[31m", "\n", "\r\n", "\t", "\u007f", "\u2028", "\ud800",
            "\udfff", "\udbff\udbff", "\\ud800", "\\u0000", "\\x41", "\\", "\"", "\uffff", "\ufffe", "\u202e"};
        return characters[random.nextInt(characters.length)];
    }

    private String insertInString(String body, String inserted) {
        List<int[]> strings = fieldValueSpans(body).stream().filter(span -> body.charAt(span[1]) == '"').toList();
        if (strings.isEmpty()) {
            return body;
        }
        int[] span = strings.get(random.nextInt(strings.size()));
        int at = span[1] + 1 + random.nextInt(span[2] - span[1] - 1);
        return body.substring(0, at) + inserted + body.substring(at);
    }

    private String wrongId(String existingId) {
        String[] ids = {"\"\"", "\" \"", "\"" + existingId + "\"", "\"" + existingId + "\\n\"",
            "\"" + "9".repeat(2_000) + "\"", "\"a#b|c\"", "\"../../etc/passwd\"", "\"\\u0000\"", "\"\\ud800\"", "42",
            "null", "[\"" + existingId + "\"]"};
        return ids[random.nextInt(ids.length)];
    }

    private String flipCharacter(String body) {
        if (body.isEmpty()) {
            return body;
        }
        int at = random.nextInt(body.length());
        char replacement = (char) random.nextInt(0x10000);
        return body.substring(0, at) + replacement + body.substring(at + 1);
    }

    private Map<String, String> hostileAttributes() {
        Map<String, String> attributes = new HashMap<>();
        switch (random.nextInt(4)) {
            case 0 -> {
                return null;
            }
            case 1 -> attributes.put("ApproximateReceiveCount", "not-a-number");
            case 2 -> attributes.put("ApproximateReceiveCount", "99999999999999999999");
            default -> attributes.put("SentTimestamp", "\u0000" + "9".repeat(500));
        }
        return attributes;
    }

    private Map<String, SQSEvent.MessageAttribute> hostileMessageAttributes() {
        if (random.nextBoolean()) {
            return null;
        }
        SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
        attribute.setDataType(random.nextBoolean() ? "Number" : "Binary.\u0000");
        attribute.setStringValue(random.nextBoolean() ? "NaN" : null);
        Map<String, SQSEvent.MessageAttribute> attributes = new HashMap<>();
        attributes.put(random.nextBoolean() ? "traceparent" : "\u0000", attribute);
        return attributes;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || (c >= 0x2028 && c <= 0x202e)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
