package com.alphacast.aws.config;

import com.alphacast.core.settings.Redaction;
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
 * silently ignored). Errors name the file and the dotted key, and quote a value only as a short
 * {@link Redaction#preview preview}: it may be a token pasted under the wrong key.
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
        Object value = raw(key);
        Map<String, Object> map;
        if (value == null) {
            map = Map.of();
        } else if (value instanceof Map<?, ?> m) {
            map = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                map.put(String.valueOf(e.getKey()), e.getValue());
            }
        } else {
            throw error(key, "expected a mapping of settings, got " + Redaction.preview(value));
        }
        ConfigSection child = new ConfigSection(file, qualified(key), map);
        children.add(child);
        return child;
    }

    Set<String> keys() {
        return values.keySet();
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    String text(String key, String fallback) {
        Object value = raw(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Map || value instanceof List) {
            throw error(key, "expected a single value, got " + Redaction.preview(value));
        }
        String text = String.valueOf(value).trim();
        if (text.isEmpty()) {
            throw error(key, "must not be empty");
        }
        return text;
    }

    String choice(String key, String fallback, String... allowed) {
        String value = text(key, fallback).toLowerCase(Locale.ROOT);
        for (String option : allowed) {
            if (option.equals(value)) {
                return value;
            }
        }
        throw error(key, "expected one of " + String.join(", ", allowed) + ", got " + Redaction.preview(value));
    }

    int integer(String key, int fallback, int min, int max) {
        Object value = raw(key);
        if (value == null) {
            return fallback;
        }
        long parsed;
        if (value instanceof Integer || value instanceof Long) {
            parsed = ((Number) value).longValue();
        } else {
            try {
                parsed = Long.parseLong(String.valueOf(value).trim());
            } catch (NumberFormatException e) {
                throw error(key, "expected a whole number, got " + Redaction.preview(value));
            }
        }
        if (parsed < min || parsed > max) {
            throw error(key, "must be within " + min + ".." + max + ", got " + parsed);
        }
        return (int) parsed;
    }

    double decimal(String key, double fallback, double min, double max) {
        Object value = raw(key);
        if (value == null) {
            return fallback;
        }
        double parsed;
        if (value instanceof Number number) {
            parsed = number.doubleValue();
        } else {
            try {
                parsed = Double.parseDouble(String.valueOf(value).trim());
            } catch (NumberFormatException e) {
                throw error(key, "expected a number, got " + Redaction.preview(value));
            }
        }
        if (!(parsed >= min && parsed <= max)) {
            throw error(key, "must be within " + min + ".." + max + ", got " + parsed);
        }
        return parsed;
    }

    List<String> strings(String key) {
        Object value = raw(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw error(key, "expected a list, got " + Redaction.preview(value));
        }
        List<String> out = new ArrayList<>();
        for (Object element : list) {
            if (element == null || element instanceof Map || element instanceof List
                    || String.valueOf(element).isBlank()) {
                throw error(key, "list entries must be non-empty text, got " + Redaction.preview(element));
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
        Object value = raw(key);
        if (value == null) {
            return Optional.empty();
        }
        String text = String.valueOf(value).trim();
        if (!SecretReference.isReference(text)) {
            throw error(key, "secrets must be references (env:NAME, ssm:/name or secretsmanager:id#key), "
                    + "never the secret itself");
        }
        return Optional.of(text);
    }

    ConfigException error(String key, String message) {
        return new ConfigException(file + ": " + qualified(key) + ": " + message);
    }

    void rejectUnknownKeys() {
        for (String key : values.keySet()) {
            if (!read.contains(key)) {
                throw new ConfigException(file + ": unknown key '" + qualified(key) + "'");
            }
        }
        children.forEach(ConfigSection::rejectUnknownKeys);
    }

    private Object raw(String key) {
        read.add(key);
        return values.get(key);
    }

    private String qualified(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
