package com.alphacast.bots.delivery;

import java.time.Instant;
import java.util.Optional;

/**
 * Remembers which messages were sent, keyed by idempotency key ({@code Delivery.id()} plus the part number
 * for split messages), so a redelivered or retried delivery is never sent twice. Implementations must be
 * atomic per key: the DynamoDB one uses conditional writes.
 */
public interface SentDeliveryLedger {

    /** The platform reference recorded for a sent key, if it was sent. */
    Optional<String> sentReference(String key);

    /**
     * Claims a key before sending, so two workers handling the same delivery do not both send it. Fails
     * (false) when the key is already sent or another claim is live (its lease has not expired at {@code now}).
     */
    boolean tryClaim(String key, Instant now, Instant leaseUntil);

    /** Marks the key sent with its platform reference (the claim becomes permanent). */
    void recordSent(String key, String reference);

    /** Drops an unfinished claim after a failure so a later retry can claim it. */
    void release(String key);
}
