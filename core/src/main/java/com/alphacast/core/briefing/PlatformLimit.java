package com.alphacast.core.briefing;

import com.alphacast.core.distribution.Tier;
import java.util.List;

/**
 * The length a briefing must fit on each platform, measured as the platform measures it. Telegram counts UTF-16 code
 * units of the message text (4,096), a Discord embed description holds 4,096 characters, and an X post 280
 * weighted characters (twitter-text v3: most Latin, Greek, Cyrillic and punctuation count 1, everything else
 * (CJK, emoji) 2). Premium and basic briefings go to Telegram and Discord; the free teaser also goes to X.
 */
public enum PlatformLimit {
    TELEGRAM_MESSAGE(4096),
    DISCORD_EMBED_DESCRIPTION(4096),
    X_POST(280);

    private final int limit;

    PlatformLimit(int limit) {
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }

    /** The text's length as this platform counts it. */
    public int length(String text) {
        if (this != X_POST) {
            return text.length();
        }
        int weighted = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            weighted += light(cp) ? 1 : 2;
            i += Character.charCount(cp);
        }
        return weighted;
    }

    public boolean fits(String text) {
        return length(text) <= limit;
    }

    /** The platforms a tier's briefing is sent to. */
    public static List<PlatformLimit> forTier(Tier tier) {
        return tier == Tier.FREE ? List.of(TELEGRAM_MESSAGE, DISCORD_EMBED_DESCRIPTION, X_POST)
                : List.of(TELEGRAM_MESSAGE, DISCORD_EMBED_DESCRIPTION);
    }

    // twitter-text v3 ranges of weight 100 (one character); every other code point weighs 200.
    private static boolean light(int cp) {
        return cp <= 4351 || (cp >= 8192 && cp <= 8205) || (cp >= 8208 && cp <= 8223) || (cp >= 8242 && cp <= 8247);
    }
}
