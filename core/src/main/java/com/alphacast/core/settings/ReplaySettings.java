package com.alphacast.core.settings;

import java.util.Locale;

/**
 * What the worker replays when it runs on recorded data.
 *
 * @param file  trades file ({@code Date and Time,Price,Volume}) or Binance capture; relative paths resolve against
 *              the project root; {@link #NO_FILE} when the profile names none (a live profile)
 * @param speed {@code max} (as fast as possible), {@code realtime}, or a multiplier such as {@code 10x}
 */
public record ReplaySettings(String file, String speed) {

    /** The profile names no replay file: a replay must be given one explicitly. */
    public static final String NO_FILE = "";

    public boolean hasFile() {
        return !file.isEmpty();
    }

    /** Replay speed multiplier; {@code Double.POSITIVE_INFINITY} for as fast as possible. */
    public double multiplier() {
        return parseSpeed(speed);
    }

    public static double parseSpeed(String speed) {
        String s = speed.trim().toLowerCase(Locale.ROOT);
        if (s.equals("max")) {
            return Double.POSITIVE_INFINITY;
        }
        if (s.equals("realtime")) {
            return 1.0;
        }
        if (s.endsWith("x")) {
            try {
                double m = Double.parseDouble(s.substring(0, s.length() - 1));
                if (m > 0 && !Double.isInfinite(m)) {
                    return m;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        throw new IllegalArgumentException("speed must be 'max', 'realtime' or a multiplier like '10x', was " + Redaction.preview(speed));
    }
}
