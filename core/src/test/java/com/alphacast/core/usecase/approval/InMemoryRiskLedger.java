package com.alphacast.core.usecase.approval;

import com.alphacast.core.latency.QueueArrival;
import com.alphacast.core.risk.KillSwitch;
import com.alphacast.core.risk.RecordedDecision;
import com.alphacast.core.risk.RiskDecision;
import com.alphacast.core.risk.RiskLimits;
import com.alphacast.core.risk.RiskState;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.Position;
import com.alphacast.core.trading.PositionExit;
import com.alphacast.core.usecase.trading.RiskSlots;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The risk ledger's contract in memory: one decision per signal, reservations only below the limits. */
final class InMemoryRiskLedger implements RiskLedger, RiskSlots {

    private int forwardedWrites;
    private final Map<String, RecordedDecision> decisions = new LinkedHashMap<>();
    private final Map<String, Position> openExposures = new LinkedHashMap<>();
    private final Map<LocalDate, Integer> approvedPerDay = new HashMap<>();
    private final List<PositionExit> closed = new ArrayList<>();
    private KillSwitch killSwitch = KillSwitch.released();
    private int openPositions;
    private Runnable beforeNextCommit = () -> { };

    void setKillSwitch(KillSwitch killSwitch) {
        this.killSwitch = killSwitch;
    }

    /** Runs {@code action} between the next state read and its commit, as a concurrent invocation would. */
    void beforeNextCommit(Runnable action) {
        this.beforeNextCommit = action;
    }

    int openPositions() {
        return openPositions;
    }

    int approvedOn(LocalDate day) {
        return approvedPerDay.getOrDefault(day, 0);
    }

    List<RecordedDecision> decisions() {
        return List.copyOf(decisions.values());
    }

    List<PositionExit> closedExposures() {
        return List.copyOf(closed);
    }

    @Override
    public Optional<RecordedDecision> decisionFor(String signalId) {
        return Optional.ofNullable(decisions.get(signalId));
    }

    @Override
    public RiskState state(LocalDate tradingDay) {
        return new RiskState(killSwitch, openPositions, approvedOn(tradingDay));
    }

    @Override
    public List<CountedPosition> openAt(Signal signal) {
        Map<String, Instant> exitTimes = new HashMap<>();
        closed.forEach(exit -> exitTimes.put(exit.signalId(), exit.time()));
        return decisions.values().stream()
                .filter(d -> d.decision().approved() && OpenPositionsAsOf.enteredBefore(d.signal(), signal))
                .filter(d -> OpenPositionsAsOf.stillOpenAt(exitTimes.get(d.signal().id()), signal))
                .map(d -> new CountedPosition(d.signal().id(), d.signal().underlying(),
                        Optional.ofNullable(exitTimes.get(d.signal().id()))))
                .toList();
    }

    /** Reads are consistent here: what {@link #openAt} counted is what the records say. */
    @Override
    public List<CountedPosition> confirmOpenAt(Signal signal, List<CountedPosition> counted) {
        return counted;
    }

    @Override
    public Commit commit(Signal signal, LocalDate tradingDay, RiskDecision decision, RiskLimits limits,
                         List<Forward> pending, Optional<QueueArrival> arrival) {
        Runnable concurrent = beforeNextCommit;
        beforeNextCommit = () -> { };
        concurrent.run();
        if (decisions.containsKey(signal.id())) {
            return Commit.ALREADY_DECIDED;
        }
        if (decision.approved()) {
            if (openPositions >= limits.maxOpenPositions() || approvedOn(tradingDay) >= limits.maxSignalsPerDay()) {
                return Commit.LIMIT_RACED;
            }
            openPositions++;
            approvedPerDay.merge(tradingDay, 1, Integer::sum);
            openExposures.put(signal.id(), Position.intendedBy(signal));
        }
        Set<String> keys = new LinkedHashSet<>();
        pending.forEach(forward -> keys.add(forward.key()));
        decisions.put(signal.id(), new RecordedDecision(signal, tradingDay, decision, keys));
        return Commit.RECORDED;
    }

    @Override
    public void forwarded(String signalId, String forwardKey) {
        forwardedAll(signalId, List.of(forwardKey));
    }

    /** One write, as the DynamoDB ledger makes it. */
    @Override
    public void forwardedAll(String signalId, Collection<String> forwardKeys) {
        forwardedWrites++;
        RecordedDecision recorded = decisions.get(signalId);
        if (recorded == null) {
            throw new IllegalArgumentException("no decision on record for " + signalId);
        }
        Set<String> left = new LinkedHashSet<>(recorded.pendingForwards());
        left.removeAll(forwardKeys);
        decisions.put(signalId, new RecordedDecision(recorded.signal(), recorded.tradingDay(), recorded.decision(), left));
    }

    /** How many writes marked forwards sent. */
    int forwardedWrites() {
        return forwardedWrites;
    }

    @Override
    public List<RecordedDecision> pendingForwardsDecidedBefore(Instant cutoff) {
        return decisions.values().stream()
                .filter(d -> !d.pendingForwards().isEmpty() && d.decision().decidedAt().isBefore(cutoff))
                .sorted(Comparator.comparing(d -> d.decision().decidedAt()))
                .toList();
    }

    List<Position> openExposures() {
        return List.copyOf(openExposures.values());
    }


    @Override
    public boolean release(PositionExit exit) {
        if (openExposures.remove(exit.signalId()) == null) {
            return false;
        }
        openPositions--;
        closed.add(exit);
        return true;
    }

    @Override
    public boolean releaseUnfilled(String signalId, Instant at) {
        if (openExposures.remove(signalId) == null) {
            return false;
        }
        openPositions--;
        return true;
    }
}
