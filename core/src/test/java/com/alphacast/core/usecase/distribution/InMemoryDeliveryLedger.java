package com.alphacast.core.usecase.distribution;

import com.alphacast.core.distribution.Delivery;
import com.alphacast.core.distribution.DeliveryResult;
import com.alphacast.core.latency.QueueArrival;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The delivery ledger's contract in memory (claims never go stale here). */
final class InMemoryDeliveryLedger implements DeliveryLedger {

    private final Map<String, DeliveryResult> done = new HashMap<>();
    private final Map<String, Instant> claims = new HashMap<>();

    /** Another invocation's fresh claim on {@code delivery}. */
    void claimedElsewhere(Delivery delivery) {
        claims.put(delivery.id(), Instant.EPOCH);
    }

    Map<String, DeliveryResult> done() {
        return Map.copyOf(done);
    }

    @Override
    public Claim claim(Delivery delivery, Instant now, Optional<QueueArrival> arrival) {
        if (done.containsKey(delivery.id())) {
            return Claim.ALREADY_DONE;
        }
        if (claims.putIfAbsent(delivery.id(), now) != null) {
            return Claim.HELD_ELSEWHERE;
        }
        return Claim.CLAIMED;
    }

    @Override
    public void complete(Delivery delivery, DeliveryResult result, Instant now) {
        claims.remove(delivery.id());
        done.put(delivery.id(), result);
    }

    @Override
    public Optional<DeliveryResult> outcome(String deliveryId) {
        return Optional.ofNullable(done.get(deliveryId));
    }

    @Override
    public void release(Delivery delivery) {
        claims.remove(delivery.id());
    }
}
