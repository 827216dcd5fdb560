package com.alphacast.core.strategy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One strategy's parameters as configured (e.g. the {@code strategies.<name>} map of a settings file). Each read
 * validates its key; {@link #requireAllRead()} then refuses keys no read asked for, so a misspelt parameter fails
 * at start instead of silently keeping its default. Every error names the file and the key.
 */
public final class StrategyParameters {

    private final String source;
    private final Map<String, String> values;
    private final Set<String> read = new TreeSet<>();

    /**
     * @param source where the values came from, e.g. {@code config/strategies.yaml strategies.moc-pin}
     * @param values key to configured text
     */
    public StrategyParameters(String source, Map<String, String> values) {
        this.source = source;
        this.values = new LinkedHashMap<>(values);
    }

    public static StrategyParameters defaults(String strategy) {
        return new StrategyParameters("defaults of " + strategy, Map.of());
    }

    public double decimal(String key, double fallback, double min, double max) {
        read.add(key);
        String text = values.get(key);
        if (text == null) {
            return fallback;
        }
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw bad(key, text, "a number");
        }
        if (!(value >= min && value <= max)) {
            throw bad(key, text, "a number in [" + min + ", " + max + "]");
        }
        return value;
    }

    public int integer(String key, int fallback, int min, int max) {
        double value = decimal(key, fallback, min, max);
        if (value != Math.rint(value)) {
            throw bad(key, values.get(key), "a whole number");
        }
        return (int) value;
    }

    public SessionWindow window(String key, String fallback) {
        read.add(key);
        String text = values.getOrDefault(key, fallback);
        try {
            return SessionWindow.parse(text);
        } catch (IllegalArgumentException e) {
            throw bad(key, text, "a window like open+30m..close-60m");
        }
    }

    /** A duration in whole seconds. */
    public Duration seconds(String key, long fallback, long max) {
        return Duration.ofSeconds(integer(key, (int) fallback, 0, (int) max));
    }

    /** Refuses configured keys that no read asked for. */
    public void requireAllRead() {
        for (String key : values.keySet()) {
            if (!read.contains(key)) {
                throw new IllegalArgumentException(source + ": unknown parameter '" + key + "'; known: " + read);
            }
        }
    }

    private IllegalArgumentException bad(String key, String text, String expected) {
        return new IllegalArgumentException(source + ": parameter '" + key + "' must be " + expected + ", was '"
                + text + "'");
    }
}
