package com.alphacast.worker.pipeline;

import com.alphacast.core.market.MarketSnapshot;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.state.BarCloseListener;
import com.alphacast.core.state.MarketView;
import com.alphacast.core.strategy.Candidate;
import com.alphacast.core.strategy.RejectedSignal;
import com.alphacast.core.strategy.Resolution;
import com.alphacast.core.strategy.StrategyContext;
import com.alphacast.core.strategy.StrategyDesk;
import com.alphacast.worker.io.HeldChain;
import com.alphacast.worker.io.OutboundWrites;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the worker does when an instrument's bar closes (on the feed thread that closed it): the snapshot with
 * the instrument's analytics is handed to the I/O executor first, then the instrument's {@link StrategyDesk}
 * evaluates every strategy on the view and the underlying's latest chain; the accepted signals follow the
 * snapshot and the conflicts' losers are recorded (RejectedSignalsTable). Nothing here waits for AWS.
 *
 * <p>When the instrument holds a chain it was not holding at its previous bar close (the chain replay or the CBOE
 * poller handed a new one), that chain is handed to the I/O executor before the snapshot, keyed by the time it was
 * taken (its as-of time; the bar's end for a chain that gives none), so the order and position functions fill and
 * exit option legs on the quotes the strategies saw. The same chain, or one taken at the same time, is not written
 * again.
 */
public final class MarketPipeline implements BarCloseListener {

    private final Map<String, StrategyDesk> desks;
    private final OutboundWrites writes;
    private final boolean recorded;
    private final AtomicLong barsClosed = new AtomicLong();
    private final AtomicLong signals = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    /** The chain last handed over per instrument (each instrument closes its bars on one feed thread). */
    private final Map<String, OptionChain> storedChains = new ConcurrentHashMap<>();

    /** A live pipeline; @param desks one desk per instrument symbol (desks keep per-instrument state) */
    public MarketPipeline(Map<String, StrategyDesk> desks, OutboundWrites writes) {
        this(desks, writes, false);
    }

    private MarketPipeline(Map<String, StrategyDesk> desks, OutboundWrites writes, boolean recorded) {
        this.desks = Map.copyOf(desks);
        this.writes = writes;
        this.recorded = recorded;
    }

    /**
     * A pipeline for a recorded session: its bars are 'seen' at their end by the strategies' staleness gate (a
     * 2011 bar replayed today is not stale: replay lateness is not measurable), while signals still carry the
     * wall-clock time the closing event reached the worker, as the risk check and latency figures need.
     */
    public static MarketPipeline recorded(Map<String, StrategyDesk> desks, OutboundWrites writes) {
        return new MarketPipeline(desks, writes, true);
    }

    @Override
    public void onBarClosed(MarketView view, long receiveNanos) {
        barsClosed.incrementAndGet();
        Instant observedAt = Instant.ofEpochSecond(0, receiveNanos);
        Optional<OptionChain> held = view.optionChain();
        if (held.isPresent()) { // not ifPresent: its lambda would be allocated on every bar close
            storeIfNew(view, held.get(), observedAt);
        }
        writes.submit(new MarketSnapshot(view.lastBar(), observedAt, view.analytics()));
        StrategyDesk desk = desks.get(view.symbol());
        if (desk == null) {
            return;
        }
        Resolution resolution = desk.onBarClosed(recorded
                ? StrategyContext.recorded(view, view.optionChain(), observedAt)
                : new StrategyContext(view, view.optionChain(), observedAt));
        if (resolution.isEmpty()) {
            return;
        }
        List<Candidate> accepted = resolution.accepted();
        for (int i = 0; i < accepted.size(); i++) {
            signals.incrementAndGet();
            writes.submit(accepted.get(i).signal());
        }
        List<RejectedSignal> losers = resolution.rejected();
        for (int i = 0; i < losers.size(); i++) {
            rejected.incrementAndGet();
            writes.submit(losers.get(i));
        }
    }

    private void storeIfNew(MarketView view, OptionChain chain, Instant observedAt) {
        OptionChain previous = storedChains.put(view.symbol(), chain);
        boolean stored = previous == chain
                || previous != null && chain.asOfTime() != null && chain.asOfTime().equals(previous.asOfTime());
        if (!stored) {
            writes.submit(new HeldChain(view.symbol(), chain.asOfTime() != null ? chain
                    : new OptionChain(chain.underlying(), chain.spot(), chain.asOf(),
                    view.lastBar().end().atZone(ZoneOffset.UTC), chain.contracts()), observedAt));
        }
    }

    public long barsClosed() {
        return barsClosed.get();
    }

    public long signals() {
        return signals.get();
    }

    /** Candidates that lost a conflict (or repeated their strategy's standing signal). */
    public long rejected() {
        return rejected.get();
    }
}
