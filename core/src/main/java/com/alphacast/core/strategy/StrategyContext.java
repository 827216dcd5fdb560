package com.alphacast.core.strategy;

import com.alphacast.core.options.OptionChain;
import com.alphacast.core.state.MarketView;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a strategy reads: the instrument's view at a bar close, the latest option chain of its underlying
 * (when it has one), the wall-clock time the closing event reached the worker (where a signal's latency starts) and
 * when the bar was seen closed on the market's clock (what the staleness gate measures). Market time is the bar's
 * end.
 *
 * @param seenAt live, the same instant as {@code observedAt}; a recorded session (replay, backtest) has no
 *               measurable delivery lateness, so it is seen at the bar's end
 */
public record StrategyContext(MarketView view, Optional<OptionChain> chain, Instant observedAt, Instant seenAt) {

    public StrategyContext {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(seenAt, "seenAt");
    }

    /** A live bar close: seen when it reached the worker. */
    public StrategyContext(MarketView view, Optional<OptionChain> chain, Instant observedAt) {
        this(view, chain, observedAt, observedAt);
    }

    /** A recorded bar close (replay, backtest): seen at the bar's end, while latency still counts from observedAt. */
    public static StrategyContext recorded(MarketView view, Optional<OptionChain> chain, Instant observedAt) {
        return new StrategyContext(view, chain, observedAt, view.lastBar().end());
    }

    public Instant marketTime() {
        return view.lastBar().end();
    }

    /** {@link #marketTime()} in epoch milliseconds, without allocating (what strategies check on every bar). */
    public long marketTimeMillis() {
        return view.lastBar().endMillis();
    }
}
