package com.alphacast.core.usecase.subscription;

import com.alphacast.core.subscription.Subscriber;
import com.alphacast.core.subscription.Subscription;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who holds which tier until when. Every write is conditional on what the caller read, so two concurrent
 * payments or an operator's grant racing a payment cannot lose time; payments are recorded once per charge.
 */
public interface SubscriptionLedger {

    /** What happened to a conditional write. */
    enum Write {
        /** Written. */
        APPLIED,
        /** The subscription changed since it was read: read again and retry. */
        CONFLICT,
        /** The payment's charge id is already on record: this payment was applied before (nothing written). */
        CHARGE_ALREADY_RECORDED
    }

    Optional<Subscription> find(Subscriber subscriber);

    /**
     * Replaces {@code expected} (empty: there was none) by {@code next}; when {@code next} carries a charge id that
     * {@code expected} does not (a new payment), the charge is recorded in the same write, and a charge seen before
     * writes nothing ({@link Write#CHARGE_ALREADY_RECORDED}).
     */
    Write replace(Optional<Subscription> expected, Subscription next);

    /** Who paid with this {@code telegram_payment_charge_id}, for a refund. */
    Optional<Subscriber> payerOf(String chargeId);

    /** Up to {@code limit} subscriptions that expired at or before {@code now} and were not swept yet, oldest first. */
    List<Subscription> expiredUnswept(Instant now, int limit);
}
