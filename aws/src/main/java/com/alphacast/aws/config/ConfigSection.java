package com.alphacast.aws.config;

import com.alphacast.core.settings.Redaction;
import com.alphacast.core.text.TerminalText;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One mapping of a settings file, read key by key. Every key read is remembered, so after binding
 * {@link #rejectUnknownKeys()} can name any key nobody asked for (usually a typo that would otherwise be
 * silently ignored). Errors name the file and the dotted key. Types are strict: a key that is present with no value
 * ({@code key: ~} or {@code key:}) is an error, never the default, and a scalar of the wrong type is refused rather
 * than coerced ({@code symbol: yes} is a boolean, not the text "true"; {@code quantity: "5"} is text, not a number). A value
 * is quoted only as a short {@link Redaction#preview preview}, escaped for the terminal: it may be a token pasted under
 * the wrong key.
 */
final class ConfigSection {

    private final String file;
    private final String path;
    private final Map<String, Object> values;
    private final Set<String> read = new LinkedHashSet<>();
    private final List<ConfigSection> children = new ArrayList<>();

    ConfigSection(String file, String path, Map<String, Object> values) {
        this.file = file;
        this.path = path;
        this.values = values == null ? Map.of() : values;
    }

    ConfigSection section(String key) {
        Object value = present(key);
        Map<String, Object> map;
        if (value == null) {
            map = Map.of();
        } else if (value instanceof Map<?, ?> m) {
            map = byName(m);
        } else {
            throw error(key, "expected a mapping of settings, got " + describe(value));
        }
        ConfigSection child = new ConfigSection(file, qualified(key), map);
        children.add(child);
        return child;
    }

    /** The top-level mapping of {@code file}; keys YAML reads as numbers or booleans ({@code 1:}, {@code no:}) become their text. */
    static ConfigSection root(String file, Map<?, ?> document) {
        return new ConfigSection(file, "", byName(document));
    }

    private static Map<String, Object> byName(Map<?, ?> mapping) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : mapping.entrySet()) {
            map.put(String.valueOf(e.getKey()), e.getValue());
        }
        return map;
    }

    Set<String> keys() {
        return values.keySet();
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    String text(String key, String fallback) {
        Object value = present(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof String)) {
            throw error(key, "expected text, got " + describe(value) + " (quote it if you mean the text)");
        }
        String text = ((String) value).trim();
        if (text.isEmpty()) {
            throw error(key, "must not be empty");
        }
        return text;
    }

    /** A scalar (text or number) as written, for values a later stage validates; booleans, lists and maps are refused. */
    String scalarText(String key) {
        Object value = present(key);
        if (value instanceof String text && !text.isBlank()) {
            return text.trim();
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger
                || value instanceof Double) {
            return value.toString();
        }
        throw error(key, "expected a number or text, got " + describe(value));
    }

    String choice(String key, String fallback, String... allowed) {
        String value = text(key, fallback).toLowerCase(Locale.ROOT);
        for (String option : allowed) {
            if (option.equals(value)) {
                return value;
            }
        }
        throw error(key, "expected one of " + String.join(", ", allowed) + ", got " + TerminalText.excerpt(Redaction.preview(value)));
    }

    boolean flag(String key, boolean fallback) {
        Object value = present(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean b)) {
            throw error(key, "expected true or false, got " + describe(value));
        }
        return b;
    }

    int integer(String key, int fallback, int min, int max) {
        Object value = present(key);
        if (value == null) {
            return fallback;
        }
        long parsed;
        if (value instanceof Integer || value instanceof Long) {
            parsed = ((Number) value).longValue();
        } else if (value instanceof BigInteger big) {
            parsed = big.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        } else {
            throw error(key, "expected a whole number, got " + describe(value));
        }
        if (parsed < min || parsed > max) {
            throw error(key, "must be within " + min + ".." + max + ", got " + parsed);
        }
        return (int) parsed;
    }

    double decimal(String key, double fallback, double min, double max) {
        Object value = present(key);
        if (value == null) {
            return fallback;
        }
        double parsed;
        if (value instanceof Number number) {
            parsed = number.doubleValue();
        } else {
            throw error(key, "expected a number, got " + describe(value));
        }
        if (!(parsed >= min && parsed <= max)) {
            throw error(key, "must be within " + min + ".." + max + ", got " + parsed);
        }
        return parsed;
    }

    List<String> strings(String key) {
        Object value = present(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw error(key, "expected a list, got " + describe(value));
        }
        List<String> out = new ArrayList<>();
        for (Object element : list) {
            // whole numbers are kept as written (chat ids are often unquoted); anything else must be text
            boolean text = element instanceof String s && !s.isBlank();
            boolean whole = element instanceof Integer || element instanceof Long || element instanceof BigInteger;
            if (!text && !whole) {
                throw error(key, "list entries must be non-empty text, got " + describe(element));
            }
            out.add(String.valueOf(element).trim());
        }
        return List.copyOf(out);
    }

    /**
     * A reference to a secret: {@code env:NAME}, {@code ssm:/parameter/name} or
     * {@code secretsmanager:secret-id#json-key}. A literal secret in a committed file is refused.
     */
    Optional<String> secretReference(String key) {
        Object value = present(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String)) {
            throw error(key, "expected a secret reference, got " + describe(value));
        }
        String text = ((String) value).trim();
        if (!SecretReference.isReference(text)) {
            throw error(key, "secrets must be references (env:NAME, ssm:/name or secretsmanager:id#key), "
                    + "never the secret itself");
        }
        return Optional.of(text);
    }

    ConfigException error(String key, String message) {
        return new ConfigException(file + ": " + TerminalText.excerpt(qualified(key)) + ": " + message);
    }

    void rejectUnknownKeys() {
        for (String key : values.keySet()) {
            if (!read.contains(key)) {
                throw new ConfigException(file + ": unknown key '" + TerminalText.excerpt(qualified(key)) + "'");
            }
        }
        children.forEach(ConfigSection::rejectUnknownKeys);
    }

    private Object raw(String key) {
        read.add(key);
        return values.get(key);
    }

    /** The value, or null when the key is absent; a key written with no value is an error, not the default. */
    private Object present(String key) {
        Object value = raw(key);
        if (value == null && values.containsKey(key)) {
            throw error(key, "has no value (null); give a value or remove the key to use the default");
        }
        return value;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nothing (null)";
        }
        String kind = value instanceof String ? "text" : value instanceof Boolean ? "a boolean"
                : value instanceof Map ? "a mapping" : value instanceof List ? "a list"
                : value instanceof Number ? "a number" : value instanceof java.util.Date ? "a date"
                : "a " + value.getClass().getSimpleName();
        return kind + " " + TerminalText.excerpt(Redaction.preview(value));
    }

    private String qualified(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
