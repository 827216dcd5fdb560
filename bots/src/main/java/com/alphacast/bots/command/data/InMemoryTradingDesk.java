package com.alphacast.bots.command.data;

import com.alphacast.core.distribution.Tier;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.Position;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Positions, P&amp;L, signal history and the kill switch in memory, for tests and the self-hosted bot
 * without AWS. Thread-safe.
 */
public final class InMemoryTradingDesk implements PositionBook, PnlHistory, SignalHistory, TradingControl {

    private final Clock clock;
    private final List<Position> positions = new CopyOnWriteArrayList<>();
    private final List<DailyPnl> days = new CopyOnWriteArrayList<>();
    private final List<Signal> signals = new CopyOnWriteArrayList<>();
    private final List<String> closeRequests = new CopyOnWriteArrayList<>();
    private TradingStatus status;

    public InMemoryTradingDesk(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.status = new TradingStatus(false, Optional.empty(), clock.instant(), "");
    }

    public InMemoryTradingDesk open(Position position) {
        positions.add(position);
        return this;
    }

    public InMemoryTradingDesk record(DailyPnl day) {
        days.add(day);
        return this;
    }

    public InMemoryTradingDesk published(Signal signal) {
        signals.add(signal);
        return this;
    }

    /** Signal ids whose positions were asked to close, in order. */
    public List<String> closeRequests() {
        return List.copyOf(closeRequests);
    }

    @Override
    public List<Position> openPositions() {
        return List.copyOf(positions);
    }

    @Override
    public List<DailyPnl> between(LocalDate from, LocalDate to) {
        return days.stream().filter(day -> !day.date().isBefore(from) && !day.date().isAfter(to))
                .sorted(Comparator.comparing(DailyPnl::date)).toList();
    }

    /** Every signal given to {@link #published} counts as received by every tier (no delays in memory). */
    @Override
    public List<Signal> recent(Tier tier, int count) {
        List<Signal> newestFirst = new ArrayList<>(signals);
        newestFirst.sort(Comparator.comparing(Signal::marketTime).reversed());
        return newestFirst.subList(0, Math.min(count, newestFirst.size()));
    }

    @Override
    public synchronized TradingStatus status() {
        return status;
    }

    @Override
    public synchronized TradingStatus halt(String by, String reason) {
        if (!status.halted()) {
            status = new TradingStatus(true, Optional.of(by), clock.instant(), reason);
        }
        return status;
    }

    @Override
    public synchronized TradingStatus resume(String by) {
        if (status.halted()) {
            status = new TradingStatus(false, Optional.of(by), clock.instant(), "");
        }
        return status;
    }

    @Override
    public synchronized int closeAll(String by) {
        int count = positions.size();
        positions.forEach(position -> closeRequests.add(position.signalId()));
        positions.clear();
        return count;
    }
}
