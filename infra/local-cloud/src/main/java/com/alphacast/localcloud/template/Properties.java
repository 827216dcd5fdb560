package com.alphacast.localcloud.template;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolved properties of one resource with typed accessors whose errors name the resource and property. Also the
 * single place that decides which properties are honoured, which are accepted and ignored (meaningless locally)
 * and which are refused.
 */
public final class Properties {

    private final String resource;
    private final String path;
    private final Map<String, Object> values;

    public Properties(String resource, String path, Map<String, Object> values) {
        this.resource = resource;
        this.path = path;
        this.values = values;
    }

    public static Properties of(String resource, Map<String, Object> values) {
        return new Properties(resource, "", values);
    }

    public String resource() {
        return resource;
    }

    public Map<String, Object> values() {
        return values;
    }

    /** Full property path for messages, e.g. {@code RedrivePolicy.maxReceiveCount}. */
    public String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Refuses any key that is neither honoured nor known to be meaningless locally. */
    public Properties allowOnly(Set<String> honoured, Set<String> ignored) {
        for (String key : values.keySet()) {
            if (!honoured.contains(key) && !ignored.contains(key)) {
                throw new TemplateRefusedException(resource, path(key), "not supported by the local cloud"
                        + " (supported: " + new java.util.TreeSet<>(honoured) + ")");
            }
        }
        return this;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public Optional<String> string(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return Optional.of(String.valueOf(value));
        }
        throw refuse(key, "expected a string but found " + Template.describe(value));
    }

    public String requiredString(String key) {
        return string(key).orElseThrow(() -> refuse(key, "is required"));
    }

    public Optional<Integer> integer(String key, int min, int max) {
        Optional<String> text = string(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        int value;
        try {
            value = Integer.parseInt(text.get().trim());
        } catch (NumberFormatException e) {
            throw refuse(key, "'" + text.get() + "' is not a whole number");
        }
        if (value < min || value > max) {
            throw refuse(key, value + " is outside " + min + ".." + max);
        }
        return Optional.of(value);
    }

    public Optional<Boolean> bool(String key) {
        Optional<String> text = string(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String value = text.get().trim().toLowerCase(java.util.Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw refuse(key, "'" + text.get() + "' is not true or false");
        }
        return Optional.of(Boolean.parseBoolean(value));
    }

    public Optional<Properties> object(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map<?, ?>) {
            return Optional.of(new Properties(resource, path(key), Template.mapping(value, resource)));
        }
        throw refuse(key, "expected a mapping but found " + Template.describe(value));
    }

    public List<Properties> objects(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw refuse(key, "expected a list but found " + Template.describe(value));
        }
        java.util.ArrayList<Properties> result = new java.util.ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?>)) {
                throw refuse(key + "[" + i + "]", "expected a mapping but found " + Template.describe(list.get(i)));
            }
            result.add(new Properties(resource, path(key) + "[" + i + "]", Template.mapping(list.get(i), resource)));
        }
        return result;
    }

    public List<String> strings(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw refuse(key, "expected a list but found " + Template.describe(value));
        }
        return list.stream().map(String::valueOf).toList();
    }

    public TemplateRefusedException refuse(String key, String reason) {
        return new TemplateRefusedException(resource, path(key), reason);
    }
}
