package com.alphacast.core.backtest;

import com.alphacast.core.broker.BrokerException;
import com.alphacast.core.broker.PaperBroker;
import com.alphacast.core.market.Bar;
import com.alphacast.core.market.MarketSnapshot;
import com.alphacast.core.risk.KillSwitch;
import com.alphacast.core.risk.RiskCheck;
import com.alphacast.core.risk.RiskDecision;
import com.alphacast.core.risk.RiskState;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.Fill;
import com.alphacast.core.trading.Order;
import com.alphacast.core.trading.Position;
import com.alphacast.core.trading.PositionExit;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deployed trading path, in process and in simulated time: each signal goes through the same {@link RiskCheck}
 * (kill switch released, the positions open at the signal's market time, the signals approved that exchange day),
 * is filled by the same {@link PaperBroker} against the snapshot of the bar it fired on, becomes the same
 * {@link Position} the order function records, and is closed by {@link Position#exitIn} on the first later bar that
 * reaches its stop or target, as the position function closes it. The risk check's clock is the signal's own
 * observed time (the data's time, zero processing latency), never the wall clock. Bars must arrive in time order
 * per symbol, each before the signals it triggers. Single-threaded.
 */
public final class PaperDesk {

    private record Held(String strategy, Position position, double riskPoints) {
    }

    private final RiskCheck riskCheck;
    private final Map<String, TradedInstrument> instruments;
    private final Map<String, PaperBroker> brokers = new HashMap<>();
    private final ZoneId exchangeZone;
    private final RecordedMarket market = new RecordedMarket();
    private final List<Held> open = new ArrayList<>();
    private final List<ClosedTrade> closed = new ArrayList<>();
    private final List<RiskRejection> rejections = new ArrayList<>();
    private final Map<LocalDate, Integer> approvedPerDay = new HashMap<>();
    private final Map<String, Long> approvedByStrategy = new HashMap<>();

    public PaperDesk(RiskCheck riskCheck, List<TradedInstrument> instruments, int slippageTicks, ZoneId exchangeZone) {
        this.riskCheck = riskCheck;
        this.exchangeZone = exchangeZone;
        Map<String, TradedInstrument> bySymbol = new HashMap<>();
        for (TradedInstrument instrument : instruments) {
            bySymbol.put(instrument.symbol(), instrument);
            brokers.put(instrument.symbol(), new PaperBroker(market, instrument.tickSize(), slippageTicks));
        }
        this.instruments = Map.copyOf(bySymbol);
    }

    /** A bar closed: it becomes fillable market, and open positions on its symbol exit if it reached a level. */
    public void onBar(MarketSnapshot snapshot) {
        market.record(snapshot);
        Bar bar = snapshot.bar();
        for (Iterator<Held> it = open.iterator(); it.hasNext(); ) {
            Held held = it.next();
            if (!held.position().underlying().equals(snapshot.symbol())) {
                continue;
            }
            Optional<PositionExit> exit = held.position().exitIn(bar);
            if (exit.isPresent()) {
                it.remove();
                close(held, exit.get().price(), exit.get().time(), exit.get().reason().name());
            }
        }
    }

    /** Decides {@code signal} and, approved, fills it; the decision is returned. */
    public RiskDecision submit(String strategy, Signal signal) {
        TradedInstrument instrument = instruments.get(signal.underlying());
        if (instrument == null) {
            throw new IllegalArgumentException("no traded instrument configured for " + signal.underlying());
        }
        LocalDate day = signal.marketTime().atZone(exchangeZone).toLocalDate();
        RiskState state = new RiskState(KillSwitch.released(), open.size(), approvedPerDay.getOrDefault(day, 0));
        RiskDecision decision = riskCheck.evaluate(signal, state, signal.observedAt());
        if (!decision.approved()) {
            rejections.add(new RiskRejection(strategy, signal.id(), decision.reasons()));
            return decision;
        }
        approvedPerDay.merge(day, 1, Integer::sum);
        approvedByStrategy.merge(strategy, 1L, Long::sum);
        Order order = new Order(signal.id(), signal.instrument(), signal.direction(), signal.quantity(),
                signal.observedAt(), "paper");
        Fill fill;
        try {
            fill = brokers.get(signal.underlying()).submit(order, signal);
        } catch (BrokerException e) {
            throw new IllegalStateException("the bar a signal fired on is always recorded first: " + e.getMessage(), e);
        }
        Position position = new Position(signal.id(), signal.underlying(), signal.instrument(), signal.direction(),
                fill.quantity(), fill.price(), signal.stop(), signal.target(), fill.time());
        open.add(new Held(strategy, position, signal.riskPoints()));
        return decision;
    }

    /** The data ended: every open position is marked at its symbol's last price (exit reason END_OF_DATA). */
    public void finish() {
        for (Held held : open) {
            MarketSnapshot last = market.latest(held.position().underlying()).orElseThrow();
            Instant at = last.bar().end().isBefore(held.position().openedAt()) ? held.position().openedAt()
                    : last.bar().end();
            close(held, last.lastPrice(), at, "END_OF_DATA");
        }
        open.clear();
    }

    private void close(Held held, double price, Instant at, String reason) {
        Position p = held.position();
        double multiplier = instruments.get(p.underlying()).multiplier();
        closed.add(new ClosedTrade(held.strategy(), p.signalId(), p.underlying(), p.direction(), p.quantity(),
                p.entryPrice(), price, held.riskPoints(), p.openedAt(), at.isBefore(p.openedAt()) ? p.openedAt() : at,
                reason, p.unrealizedPnl(price, multiplier), multiplier));
    }

    public List<ClosedTrade> closedTrades() {
        return List.copyOf(closed);
    }

    public List<RiskRejection> rejections() {
        return List.copyOf(rejections);
    }

    public long approved(String strategy) {
        return approvedByStrategy.getOrDefault(strategy, 0L);
    }

    public int openPositions() {
        return open.size();
    }
}
