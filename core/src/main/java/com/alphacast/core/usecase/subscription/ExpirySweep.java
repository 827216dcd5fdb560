package com.alphacast.core.usecase.subscription;

import com.alphacast.core.subscription.Subscription;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The scheduled sweep: every subscription that expired and was not swept yet has its access withdrawn and is then
 * marked swept, so a sweep that runs twice (or after a crash half-way) withdraws each at most once more, never
 * misses one, and a subscriber who renewed in between is left alone (the mark is conditional on the expiry read).
 */
public final class ExpirySweep {

    /** What one run did. */
    public record Report(int swept, List<String> failures) {
        public Report {
            failures = List.copyOf(failures);
        }
    }

    private final SubscriptionLedger ledger;
    private final AccessWithdrawal access;
    private final Clock clock;
    private final int batch;

    /** @param batch how many lapsed subscriptions one run handles at most (the rest wait for the next run) */
    public ExpirySweep(SubscriptionLedger ledger, AccessWithdrawal access, Clock clock, int batch) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.access = Objects.requireNonNull(access, "access");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, was " + batch);
        }
        this.batch = batch;
    }

    public Report run() {
        int swept = 0;
        List<String> failures = new ArrayList<>();
        for (Subscription lapsed : ledger.expiredUnswept(clock.instant(), batch)) {
            // Re-read: a renewal since the query must not be withdrawn.
            Optional<Subscription> current = ledger.find(lapsed.subscriber());
            if (current.isEmpty() || current.get().swept() || current.get().activeAt(clock.instant())) {
                continue;
            }
            try {
                access.withdraw(current.get());
            } catch (RuntimeException e) {
                failures.add(lapsed.subscriber().key() + ": " + e.getMessage());
                continue;
            }
            if (ledger.replace(current, current.get().markedSwept()) == SubscriptionLedger.Write.APPLIED) {
                swept++;
            } else {
                failures.add(lapsed.subscriber().key() + ": changed while being swept; retried next run");
            }
        }
        return new Report(swept, failures);
    }
}
