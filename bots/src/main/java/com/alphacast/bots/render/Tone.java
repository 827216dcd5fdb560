package com.alphacast.bots.render;

/** The mood of a message, which each platform turns into a colour or an emoji. */
public enum Tone {
    /** A new long idea or a buy fill. */
    BULLISH("🟢"),
    /** A new short idea or a sell fill. */
    BEARISH("🔴"),
    /** A trade closed in profit. */
    WIN("✅"),
    /** A trade closed at a loss. */
    LOSS("❌"),
    /** A trade closed flat, or a report with no net result. */
    FLAT("➖"),
    /** A teaser or a notice without a side. */
    NEUTRAL("🔔");

    private final String emoji;

    Tone(String emoji) {
        this.emoji = emoji;
    }

    /** The emoji every platform puts before a headline of this tone, so a signal looks the same everywhere. */
    public String emoji() {
        return emoji;
    }
}
