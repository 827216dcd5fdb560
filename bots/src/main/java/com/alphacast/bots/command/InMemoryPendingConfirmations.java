package com.alphacast.bots.command;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** {@link PendingConfirmations} held in memory: tests and the self-hosted single-process bot. */
public final class InMemoryPendingConfirmations implements PendingConfirmations {

    private record Pending(String code, Instant expires) {}

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    @Override
    public void issue(String requester, String code, Instant expires) {
        pending.put(Objects.requireNonNull(requester, "requester"),
                new Pending(Objects.requireNonNull(code, "code"), Objects.requireNonNull(expires, "expires")));
    }

    @Override
    public boolean consume(String requester, String code, Instant now) {
        boolean[] consumed = {false};
        // compute() runs atomically per key, so two concurrent confirmations cannot both take the code.
        pending.computeIfPresent(requester, (who, current) -> {
            if (now.isAfter(current.expires())) {
                return null;
            }
            if (current.code().equals(code)) {
                consumed[0] = true;
                return null;
            }
            return current;
        });
        return consumed[0];
    }
}
