package com.alphacast.core.usecase.subscription;

import com.alphacast.core.distribution.Tier;
import com.alphacast.core.subscription.Plan;
import com.alphacast.core.subscription.Subscriber;
import com.alphacast.core.subscription.Subscription;
import com.alphacast.core.subscription.SubscriptionSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Grants, payments and revocations on the {@link SubscriptionLedger}: read, decide with the pure rules of
 * {@link Subscription}, write conditionally, and read again when someone else wrote in between.
 */
public final class SubscriptionGrants {

    private static final int ATTEMPTS = 5;

    private final SubscriptionLedger ledger;
    private final Clock clock;

    public SubscriptionGrants(SubscriptionLedger ledger, Clock clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The outcome of a payment. */
    public sealed interface Payment {
        record Granted(Subscription subscription) implements Payment {}

        /** The charge was applied before (Telegram redelivered the update): nothing changed. */
        record AlreadyApplied(Optional<Subscription> current) implements Payment {}
    }

    /** The tier a subscriber has now: free when they never subscribed or their subscription expired. */
    public Tier tierOf(Subscriber subscriber) {
        return ledger.find(subscriber).map(s -> s.tierAt(clock.instant())).orElse(Tier.FREE);
    }

    public Optional<Subscription> current(Subscriber subscriber) {
        return ledger.find(subscriber);
    }

    /** A Stars payment for {@code plan}: the tier until the period ends, once per charge id. */
    public Payment pay(Subscriber subscriber, Plan plan, String chargeId) {
        if (chargeId == null || chargeId.isBlank()) {
            throw new IllegalArgumentException("a payment needs its telegram_payment_charge_id");
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Subscription> current = ledger.find(subscriber);
            if (current.flatMap(Subscription::chargeId).equals(Optional.of(chargeId))) {
                // the latest payment on record is this one: a redelivery (older charges are refused by the ledger)
                return new Payment.AlreadyApplied(current);
            }
            Subscription next = Subscription.extend(current, subscriber, plan.tier(), plan.period(), clock.instant(),
                    SubscriptionSource.PAYMENT, Optional.of(chargeId));
            switch (ledger.replace(current, next)) {
                case APPLIED -> {
                    return new Payment.Granted(next);
                }
                case CHARGE_ALREADY_RECORDED -> {
                    return new Payment.AlreadyApplied(ledger.find(subscriber));
                }
                case CONFLICT -> {
                    // someone wrote in between: read again
                }
            }
        }
        throw new IllegalStateException("subscription of " + subscriber.key() + " kept changing; payment not applied yet");
    }

    /** An operator's grant of {@code tier} for {@code days}, added like a renewal. */
    public Subscription grant(Subscriber subscriber, Tier tier, int days) {
        if (days < 1 || days > 3650) {
            throw new IllegalArgumentException("days must be 1-3650, was " + days);
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Subscription> current = ledger.find(subscriber);
            Subscription next = Subscription.extend(current, subscriber, tier, Duration.ofDays(days), clock.instant(),
                    SubscriptionSource.GRANT, Optional.empty());
            if (ledger.replace(current, next) == SubscriptionLedger.Write.APPLIED) {
                return next;
            }
        }
        throw new IllegalStateException("subscription of " + subscriber.key() + " kept changing; grant not applied");
    }

    /**
     * Ends a subscription now (operator /revoke, refund). Empty when there was nothing active to end.
     */
    public Optional<Subscription> revoke(Subscriber subscriber) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Subscription> current = ledger.find(subscriber);
            if (current.isEmpty() || !current.get().activeAt(clock.instant())) {
                return Optional.empty();
            }
            Subscription ended = current.get().endedAt(clock.instant());
            if (ledger.replace(current, ended) == SubscriptionLedger.Write.APPLIED) {
                return Optional.of(ended);
            }
        }
        throw new IllegalStateException("subscription of " + subscriber.key() + " kept changing; revoke not applied");
    }
}
