package com.alphacast.core.usecase.approval;

import com.alphacast.core.latency.QueueArrival;
import com.alphacast.core.risk.RecordedDecision;
import com.alphacast.core.risk.RiskDecision;
import com.alphacast.core.risk.RiskLimits;
import com.alphacast.core.risk.RiskState;
import com.alphacast.core.signal.Signal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where risk decisions and the counters they are checked against live. Implementations must make
 * {@link #commit} atomic: the decision is recorded at most once per signal, together with the forwards it
 * still has to send, and an approval reserves a position slot and a slot of the day's budget only while both
 * are below their limits.
 */
public interface RiskLedger {

    /** How committing a decision ended. */
    enum Commit {
        /** The decision is now on record. */
        RECORDED,
        /** A decision for this signal was already on record (a redelivery); nothing changed. */
        ALREADY_DECIDED,
        /** A limit filled up between reading the state and committing; evaluate again. */
        LIMIT_RACED
    }

    Optional<RecordedDecision> decisionFor(String signalId);

    /** The kill switch and the counters as of now, for the signal's trading day. */
    RiskState state(LocalDate tradingDay);

    /**
     * The approved positions open at {@code signal}'s market time: approved for a signal earlier in market time (or at
     * the same time with a smaller id) and not closed at or before that time. Counting as of market time, not as of
     * what the position function has recorded so far, makes a decision the same however far ahead of the risk check
     * the position function runs.
     */
    List<CountedPosition> openAt(Signal signal);

    /**
     * What deciding {@code signal} starts with: its decision on record ({@link #decisionFor}), or else the positions open
     * at its market time ({@link #openAt}) and the {@link #state} of {@code tradingDay}. None of the three reads depends
     * on another, so an implementation may make them at once (on the local cloud, one after another, they took about
     * 5 ms of a 17–19 ms decision). A decision on record is returned whatever became of the other two reads: a
     * redelivery only finishes what it still owes. This default reads in turn, the positions and state only when no
     * decision is on record.
     */
    default DecisionInputs inputsFor(Signal signal, LocalDate tradingDay) {
        Optional<RecordedDecision> recorded = decisionFor(signal.id());
        return recorded.isPresent() ? new DecisionInputs.Recorded(recorded.get())
                : new DecisionInputs.Undecided(openAt(signal), state(tradingDay));
    }

    /**
     * Of {@code counted} (what {@link #openAt} returned), the positions still open at {@code signal}'s market time by
     * the ledger's own records, read strongly consistently. {@link #openAt} may read an index that lags behind an exit
     * (a DynamoDB global secondary index): a position the position function has just closed can still look undecided
     * there, and counted at the open-position limit it would reject the signal. Worth its reads only at the limit.
     */
    List<CountedPosition> confirmOpenAt(Signal signal, List<CountedPosition> counted);

    /**
     * Records {@code decision} with {@code pending} (the forwards it has to send, none for a rejection) in one
     * atomic write, so a decision is never on record without what it still owes downstream.
     */
    default Commit commit(Signal signal, LocalDate tradingDay, RiskDecision decision, RiskLimits limits,
                          List<Forward> pending) {
        return commit(signal, tradingDay, decision, limits, pending, Optional.empty());
    }

    /**
     * Like {@link #commit(Signal, LocalDate, RiskDecision, RiskLimits, List)} for a signal that came through a queue:
     * {@code arrival} (when the signal was queued and first received) is recorded with the decision, so the hop from
     * the worker to the risk check can be measured.
     */
    Commit commit(Signal signal, LocalDate tradingDay, RiskDecision decision, RiskLimits limits, List<Forward> pending,
                  Optional<QueueArrival> arrival);

    /** Marks one forward of a decision as sent; marking one that is no longer pending changes nothing. */
    void forwarded(String signalId, String forwardKey);

    /**
     * Marks several forwards of a decision as sent, as {@link #forwarded} does one by one; an implementation may do
     * it in one write.
     */
    default void forwardedAll(String signalId, Collection<String> forwardKeys) {
        forwardKeys.forEach(key -> forwarded(signalId, key));
    }

    /** Decisions with forwards still pending that were decided before {@code cutoff}, oldest first. */
    List<RecordedDecision> pendingForwardsDecidedBefore(Instant cutoff);
}
