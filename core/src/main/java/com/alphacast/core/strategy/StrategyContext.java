package com.alphacast.core.strategy;

import com.alphacast.core.options.OptionChain;
import com.alphacast.core.state.MarketView;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a strategy reads: the instrument's view at a bar close, the latest option chain of its underlying
 * (when it has one) and the wall-clock time the closing event reached the worker. Market time is the bar's end.
 */
public record StrategyContext(MarketView view, Optional<OptionChain> chain, Instant observedAt) {

    public StrategyContext {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(observedAt, "observedAt");
    }

    public Instant marketTime() {
        return view.lastBar().end();
    }
}
