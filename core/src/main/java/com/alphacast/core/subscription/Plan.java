package com.alphacast.core.subscription;

import com.alphacast.core.distribution.Tier;
import java.time.Duration;
import java.util.Objects;

/**
 * One thing for sale: a tier for a number of days at a price in Telegram Stars ({@code XTR}, whole stars).
 *
 * @param days  the period, 1-3650
 * @param stars the price, 1 to {@link #MAX_STARS}
 */
public record Plan(Tier tier, int days, long stars) {

    /** Telegram Stars' currency code. */
    public static final String CURRENCY = "XTR";
    /** The largest price accepted here: a typo (an extra zero or two) is refused rather than sold. */
    public static final long MAX_STARS = 100_000;

    public Plan {
        Objects.requireNonNull(tier, "tier");
        if (tier == Tier.FREE) {
            throw new IllegalArgumentException("the free tier cannot be sold");
        }
        if (days < 1 || days > 3650) {
            throw new IllegalArgumentException("a period is 1-3650 days, was " + days);
        }
        if (stars < 1 || stars > MAX_STARS) {
            throw new IllegalArgumentException("a price is 1-" + MAX_STARS + " stars, was " + stars);
        }
    }

    public Duration period() {
        return Duration.ofDays(days);
    }

    /** {@code premium-30d}: how config and invoices name the plan. */
    public String key() {
        return tier.key() + "-" + days + "d";
    }
}
