package com.alphacast.core.strategy;

import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.options.OptionChain;
import java.time.Duration;
import java.util.Optional;

/**
 * The staleness gate every strategy passes first: the instrument's feed must be {@link FeedHealth#LIVE}, the bar
 * must have closed at most {@code maxBarAge} before the worker saw it ({@link StrategyContext#seenAt()}), and a
 * chain the strategy needs must be at most {@code maxChainAge} older than the bar (a chain without a timestamp has
 * no known age and is refused).
 */
public record FreshnessGate(Duration maxBarAge, Duration maxChainAge) {

    public FreshnessGate {
        if (maxBarAge == null || maxBarAge.isNegative() || maxChainAge == null || maxChainAge.isNegative()) {
            throw new IllegalArgumentException("freshness limits must be non-negative durations");
        }
    }

    /**
     * Whether the view is too stale to trade on, as {@link #staleness} decides, without building its reason (asked on
     * every bar close by every strategy, the worker's hot path).
     */
    public boolean isStale(StrategyContext context) {
        return context.view().health() != FeedHealth.LIVE
                || Duration.between(context.marketTime(), context.seenAt()).compareTo(maxBarAge) > 0;
    }

    /** Why the view is too stale to trade on, or empty when it is fresh. */
    public Optional<String> staleness(StrategyContext context) {
        if (context.view().health() != FeedHealth.LIVE) {
            return Optional.of("feed is " + context.view().health());
        }
        Duration barAge = Duration.between(context.marketTime(), context.seenAt());
        if (barAge.compareTo(maxBarAge) > 0) {
            return Optional.of("bar closed " + barAge + " before it was seen (limit " + maxBarAge + ")");
        }
        return Optional.empty();
    }

    /** The chain when it exists and is fresh relative to the bar. */
    public Optional<OptionChain> freshChain(StrategyContext context) {
        return context.chain().filter(chain -> chain.asOfTime() != null
                && Duration.between(chain.asOfTime().toInstant(), context.marketTime()).abs()
                        .compareTo(maxChainAge) <= 0);
    }
}
