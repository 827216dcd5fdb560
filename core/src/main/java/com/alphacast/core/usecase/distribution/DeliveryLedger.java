package com.alphacast.core.usecase.distribution;

import com.alphacast.core.distribution.Delivery;
import com.alphacast.core.distribution.DeliveryResult;
import com.alphacast.core.latency.QueueArrival;
import java.time.Instant;
import java.util.Optional;

/**
 * The record of every delivery, which makes sending once out of at-least-once queue delivery: a sender
 * claims a delivery, sends, then completes it; a claim older than the implementation's lease is taken over.
 */
public interface DeliveryLedger {

    /** What a claim attempt found. */
    enum Claim {
        /** This caller now owns the delivery and must send it. */
        CLAIMED,
        /** It was sent (or permanently refused) before: do nothing. */
        ALREADY_DONE,
        /** Another sender holds a fresh claim: try again later. */
        HELD_ELSEWHERE
    }

    /**
     * Claims {@code delivery} at {@code now}; {@code arrival} is when the release carrying it was queued and first
     * received (kept on the record so the queue hop before the distribution can be measured), empty when unknown.
     */
    Claim claim(Delivery delivery, Instant now, Optional<QueueArrival> arrival);

    /** Marks a claimed delivery finished with the platform's answer. */
    void complete(Delivery delivery, DeliveryResult result, Instant now);

    /**
     * How the delivery {@code deliveryId} ended: the platform's answer once it was sent or refused; empty while it
     * has not been (never claimed, or being sent). An update reads its signal's delivery here, to wait for it and to
     * thread under the message it became.
     */
    Optional<DeliveryResult> outcome(String deliveryId);

    /** Gives up a claim after a transient failure so the retry can claim it straight away. */
    void release(Delivery delivery);
}
