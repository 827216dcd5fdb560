package com.alphacast.core.usecase.subscription;

import com.alphacast.core.subscription.Subscriber;
import com.alphacast.core.subscription.Subscription;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The ledger's contract in memory, for use-case and bot tests (the DynamoDB one is tested in {@code aws}). */
public final class InMemorySubscriptionLedger implements SubscriptionLedger {

    private final Map<Subscriber, Subscription> subscriptions = new HashMap<>();
    private final Map<String, Subscriber> charges = new HashMap<>();

    @Override
    public synchronized Optional<Subscription> find(Subscriber subscriber) {
        return Optional.ofNullable(subscriptions.get(subscriber));
    }

    @Override
    public synchronized Write replace(Optional<Subscription> expected, Subscription next) {
        if (!Optional.ofNullable(subscriptions.get(next.subscriber())).equals(expected)) {
            return Write.CONFLICT;
        }
        Optional<String> newCharge = next.chargeId().filter(c -> !expected.flatMap(Subscription::chargeId).equals(Optional.of(c)));
        if (newCharge.isPresent()) {
            if (charges.containsKey(newCharge.get())) {
                return Write.CHARGE_ALREADY_RECORDED;
            }
            charges.put(newCharge.get(), next.subscriber());
        }
        subscriptions.put(next.subscriber(), next);
        return Write.APPLIED;
    }

    @Override
    public synchronized Optional<Subscriber> payerOf(String chargeId) {
        return Optional.ofNullable(charges.get(chargeId));
    }

    @Override
    public synchronized List<Subscription> expiredUnswept(Instant now, int limit) {
        return subscriptions.values().stream().filter(s -> !s.swept() && !s.expiresAt().isAfter(now))
                .sorted(Comparator.comparing(Subscription::expiresAt)).limit(limit).toList();
    }
}
