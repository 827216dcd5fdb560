package com.alphacast.bots.delivery;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link SentDeliveryLedger} for one process (tests, the self-hosted bot, the bench). */
public final class InMemorySentDeliveryLedger implements SentDeliveryLedger {

    private sealed interface Entry permits Claimed, Sent {}

    private record Claimed(Instant leaseUntil) implements Entry {}

    private record Sent(String reference) implements Entry {}

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<String> sentReference(String key) {
        return entries.get(key) instanceof Sent sent ? Optional.of(sent.reference()) : Optional.empty();
    }

    @Override
    public boolean tryClaim(String key, Instant now, Instant leaseUntil) {
        boolean[] claimed = {false};
        entries.compute(key, (k, existing) -> {
            if (existing == null || (existing instanceof Claimed claim && !claim.leaseUntil().isAfter(now))) {
                claimed[0] = true;
                return new Claimed(leaseUntil);
            }
            return existing;
        });
        return claimed[0];
    }

    @Override
    public void recordSent(String key, String reference) {
        entries.put(key, new Sent(reference));
    }

    @Override
    public void release(String key) {
        entries.computeIfPresent(key, (k, existing) -> existing instanceof Claimed ? null : existing);
    }

    /** Number of keys recorded as sent. */
    public long sentCount() {
        return entries.values().stream().filter(Sent.class::isInstance).count();
    }
}
