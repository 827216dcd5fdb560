package com.alphacast.core.briefing.answer;

import java.util.Locale;

/** The model's read of the session; the JSON value is the lower-case name. */
public enum Bias {
    BULLISH,
    BEARISH,
    NEUTRAL,
    RANGE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The bias named {@code key} exactly (lower case), or null when there is none. */
    static Bias fromKey(String key) {
        for (Bias bias : values()) {
            if (bias.key().equals(key)) {
                return bias;
            }
        }
        return null;
    }
}
