package com.alphacast.core.subscription;

import com.alphacast.core.distribution.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a subscriber holds: a paid tier until an instant. After {@code expiresAt} the subscriber is answered and
 * served as free; the expiry sweep then removes them from the tier's chats and roles and sets {@code swept}.
 *
 * @param chargeId the {@code telegram_payment_charge_id} of the payment that last extended it (for refunds)
 * @param swept    whether the sweep has already withdrawn access after this expiry
 */
public record Subscription(Subscriber subscriber, Tier tier, Instant expiresAt, SubscriptionSource source,
                           Optional<String> chargeId, boolean swept) {

    public Subscription {
        Objects.requireNonNull(subscriber, "subscriber");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(chargeId, "chargeId");
        if (tier == Tier.FREE) {
            throw new IllegalArgumentException("free is what everyone has; a subscription holds premium or basic");
        }
    }

    /** The tier this subscription gives at {@code now}: its own until it expires, free from then on. */
    public Tier tierAt(Instant now) {
        return now.isBefore(expiresAt) ? tier : Tier.FREE;
    }

    public boolean activeAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /**
     * The subscription after buying or being granted {@code tier} for {@code period} at {@code now}. Time is added to
     * the later of now and the current expiry when the tier stays the same (renewing early loses nothing); a change
     * of tier, or a lapsed subscription, starts from now (unused basic days are not turned into premium days).
     */
    public static Subscription extend(Optional<Subscription> current, Subscriber subscriber, Tier tier, Duration period,
                                      Instant now, SubscriptionSource source, Optional<String> chargeId) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a subscription period must be positive, was " + period);
        }
        Instant start = current.filter(c -> c.tier() == tier && c.activeAt(now)).map(Subscription::expiresAt).orElse(now);
        return new Subscription(subscriber, tier, start.plus(period), source, chargeId, false);
    }

    /** The same subscription ending at {@code now} (an operator's /revoke, a refund); the sweep withdraws access. */
    public Subscription endedAt(Instant now) {
        return new Subscription(subscriber, tier, now.isBefore(expiresAt) ? now : expiresAt, source, chargeId, false);
    }

    public Subscription markedSwept() {
        return new Subscription(subscriber, tier, expiresAt, source, chargeId, true);
    }
}
