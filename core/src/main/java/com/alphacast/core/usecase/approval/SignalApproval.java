package com.alphacast.core.usecase.approval;

import com.alphacast.core.calendar.TradingSession;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.distribution.TierDispatch;
import com.alphacast.core.latency.QueueArrival;
import com.alphacast.core.risk.RecordedDecision;
import com.alphacast.core.risk.RiskCheck;
import com.alphacast.core.risk.RiskDecision;
import com.alphacast.core.risk.RiskState;
import com.alphacast.core.settings.TierPolicy;
import com.alphacast.core.signal.Signal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides one candidate signal and forwards an approval: to the deliveries queue once per tier with the tier's
 * delay, and to the orders queue.
 *
 * <p>Nothing is committed that a later step could fail for good: an approval's forwards are built and checked
 * against what the publisher can send <em>before</em> the decision is recorded, and a signal whose forwards
 * could never be sent is rejected instead (consuming no slot). The forwards are recorded as pending with the
 * decision, in the same atomic commit, then published (batched where the publisher can) and those sent marked
 * done. If publishing fails after the commit, the signal's redelivery finishes what is still pending, and
 * {@link #republishStale} does so for anything left behind; downstream is idempotent, so a forward sent twice is
 * harmless. A redelivered signal reuses the recorded decision, so it is never decided twice nor counted twice
 * against the limits.
 */
public final class SignalApproval {

    private static final int MAX_ATTEMPTS = 5;

    private final RiskCheck riskCheck;
    private final RiskLedger ledger;
    private final ForwardPublisher forwards;
    private final ExitProgress exits;
    private final TradingSession session;
    private final Map<Tier, TierPolicy> tiers;
    private final Clock clock;

    public SignalApproval(RiskCheck riskCheck, RiskLedger ledger, ForwardPublisher forwards, ExitProgress exits,
                          TradingSession session, Map<Tier, TierPolicy> tiers, Clock clock) {
        this.riskCheck = riskCheck;
        this.ledger = ledger;
        this.forwards = forwards;
        this.exits = exits;
        this.session = session;
        this.tiers = Map.copyOf(tiers);
        this.clock = clock;
    }

    public RiskDecision decide(Signal signal) {
        return decide(signal, Optional.empty());
    }

    /**
     * Like {@link #decide(Signal)}, for a signal that came through a queue: {@code arrival} (when it was queued and
     * first received) is recorded with the decision.
     */
    public RiskDecision decide(Signal signal, Optional<QueueArrival> arrival) {
        LocalDate day = session.tradingDay(signal.marketTime());
        DecisionInputs inputs = ledger.inputsFor(signal, day);
        if (inputs instanceof DecisionInputs.Recorded recorded) {
            finishPending(recorded.decision());
            return recorded.decision().decision();
        }
        DecisionInputs.Undecided undecided = (DecisionInputs.Undecided) inputs;
        List<CountedPosition> openBeforeExits = confirmedAtLimit(signal, undecided.open());
        // Until the position function has checked the bars up to this signal, positions it will find closed still
        // count as open: the count can only be too high, never too low. So it is exact enough to decide on unless it
        // reaches the limit; only then could the exits still to be checked change the decision, and only then is it
        // worth waiting (bounded) for the position function to have checked each counted position up to this signal.
        boolean waited = openBeforeExits.size() >= riskCheck.limits().maxOpenPositions();
        if (waited) {
            exits.awaitChecked(signal.marketTime(), openBeforeExits, () -> openAtLimit(signal));
        }
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            // The first attempt decides on what was read up front, unless the exit wait made it old.
            boolean upFront = attempt == 1 && !waited;
            int open = upFront ? openBeforeExits.size() : openAtLimit(signal).size();
            RiskState state = upFront ? undecided.state() : ledger.state(day);
            RiskDecision decision = unlessUnforwardable(signal,
                    riskCheck.evaluate(signal, asOfMarketTime(state, open), clock.instant()));
            List<Forward> pending = forwardsOf(signal, decision);
            switch (ledger.commit(signal, day, decision, riskCheck.limits(), pending, arrival)) {
                case RECORDED -> {
                    publishAndMark(pending, decision.decidedAt());
                    return decision;
                }
                case ALREADY_DECIDED -> {
                    RecordedDecision existing = ledger.decisionFor(signal.id()).orElseThrow();
                    finishPending(existing);
                    return existing.decision();
                }
                case LIMIT_RACED -> {
                    // Another approval took the last slot after we read the counters: decide again.
                }
            }
        }
        throw new IllegalStateException("risk limits kept changing under signal " + signal.id()
                + " for " + MAX_ATTEMPTS + " attempts; it will be retried");
    }

    /**
     * The positions open at the signal's market time, confirmed against the ledger's consistent records when they
     * reach the limit: there an exit the ledger's index has not caught up with would reject the signal.
     */
    private List<CountedPosition> openAtLimit(Signal signal) {
        return confirmedAtLimit(signal, ledger.openAt(signal));
    }

    private List<CountedPosition> confirmedAtLimit(Signal signal, List<CountedPosition> open) {
        return open.size() >= riskCheck.limits().maxOpenPositions() ? ledger.confirmOpenAt(signal, open) : open;
    }

    /**
     * The risk state with open positions counted as of the signal's market time, so the decision does not depend
     * on how far the position function has got (it may already have closed, at a later bar, a position that was
     * still open when this signal happened).
     */
    private static RiskState asOfMarketTime(RiskState now, int openAtSignal) {
        return new RiskState(now.killSwitch(), openAtSignal, now.approvedToday());
    }

    /**
     * Publishes the forwards of every decision still pending {@code olderThan} after it was made (the signal's
     * own retries having given up or not come), marking each done. Every decision is tried; if any publish
     * failed, an error naming those signals is thrown after the rest were sent.
     *
     * @return how many forwards were published
     */
    public int republishStale(Duration olderThan) {
        if (olderThan.isNegative()) {
            throw new IllegalArgumentException("olderThan must not be negative, was " + olderThan);
        }
        int published = 0;
        List<String> failed = new ArrayList<>();
        for (RecordedDecision stale : ledger.pendingForwardsDecidedBefore(clock.instant().minus(olderThan))) {
            try {
                published += finishPending(stale);
            } catch (RuntimeException transientFailure) {
                failed.add(stale.signal().id() + " (" + transientFailure.getMessage() + ")");
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("forwards still pending after the sweep for " + String.join(", ", failed)
                    + "; " + published + " other forwards were published");
        }
        return published;
    }

    /**
     * What a decision sends on: nothing for a rejection; for an approval every tier with destinations, premium first,
     * then the order. The tiers come first because the premium release is what subscribers wait for: it never waits
     * for the order's send (a publisher may send the order beside it, or after it). Which reaches its queue first does
     * not matter downstream: a fill's update is held until its tier's signal is out.
     */
    public List<Forward> forwardsOf(Signal signal, RiskDecision decision) {
        if (!decision.approved()) {
            return List.of();
        }
        List<Forward> result = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            TierPolicy policy = tiers.get(tier);
            if (policy == null || policy.destinations().isEmpty()) {
                continue;
            }
            result.add(new Forward.ToTier(new TierDispatch(signal, tier, decision.decidedAt()), policy.delaySeconds()));
        }
        result.add(new Forward.ToOrders(signal));
        return result;
    }

    /** An approval whose forwards could never be sent becomes a rejection saying why; anything else is kept. */
    private RiskDecision unlessUnforwardable(Signal signal, RiskDecision decision) {
        List<String> reasons = new ArrayList<>();
        for (Forward forward : forwardsOf(signal, decision)) {
            for (String refusal : forwards.refusals(forward)) {
                reasons.add("forward " + forward.key() + " cannot be sent: " + refusal);
            }
        }
        return reasons.isEmpty() ? decision : RiskDecision.reject(signal.id(), reasons, decision.decidedAt());
    }

    /** Sends what a recorded decision still owes. Returns how many forwards were published. */
    private int finishPending(RecordedDecision recorded) {
        if (recorded.pendingForwards().isEmpty()) {
            return 0;
        }
        List<Forward> owed = new ArrayList<>();
        List<String> unknown = new ArrayList<>(recorded.pendingForwards());
        for (Forward forward : forwardsOf(recorded.signal(), recorded.decision())) {
            if (unknown.remove(forward.key())) {
                owed.add(forward);
            }
        }
        // A tier pending since before its destinations were all removed from the settings: nobody to send to.
        ledger.forwardedAll(recorded.signal().id(), unknown);
        return publishAndMark(owed, recorded.decision().decidedAt());
    }

    /**
     * Sends every forward (in as few requests as the publisher can), then marks those sent in one write: when some
     * were not sent, the ones that were are still marked before the failure propagates, so the retry sends only what
     * is still pending.
     */
    private int publishAndMark(List<Forward> pending, Instant decidedAt) {
        if (pending.isEmpty()) {
            return 0;
        }
        ForwardPublisher.Published published = forwards.publishAll(
                pending.stream().map(forward -> remainingDelay(forward, decidedAt)).toList());
        List<String> sent = published.sent().stream().map(Forward::key).toList();
        RuntimeException failure = published.failure().orElse(null);
        markSent(pending, sent, failure);
        if (failure != null) {
            throw failure;
        }
        return pending.size();
    }

    private void markSent(List<Forward> pending, List<String> sent, RuntimeException publishFailure) {
        if (sent.isEmpty()) {
            return;
        }
        try {
            ledger.forwardedAll(pending.get(0).signal().id(), sent);
        } catch (RuntimeException markFailure) {
            if (publishFailure == null) {
                throw markFailure;
            }
            // The send's failure is what the caller must see; these stay pending and are sent again (harmless).
            publishFailure.addSuppressed(markFailure);
        }
    }

    /** A tier republished late is held back only for what is left of its delay, so it is not released later still. */
    private Forward remainingDelay(Forward forward, Instant decidedAt) {
        if (forward instanceof Forward.ToTier toTier && toTier.delaySeconds() > 0) {
            long elapsed = Math.max(0, Duration.between(decidedAt, clock.instant()).getSeconds());
            int remaining = (int) Math.max(0, toTier.delaySeconds() - elapsed);
            return remaining == toTier.delaySeconds() ? forward : new Forward.ToTier(toTier.dispatch(), remaining);
        }
        return forward;
    }
}
