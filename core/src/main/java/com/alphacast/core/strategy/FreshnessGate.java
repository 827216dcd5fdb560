package com.alphacast.core.strategy;

import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.options.OptionChain;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
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
        if (context.view().health() != FeedHealth.LIVE) {
            return true;
        }
        Instant seenAt = context.seenAt();
        long barEnd = context.marketTimeMillis();
        return exceeds(Math.floorDiv(barEnd, 1000L), Math.floorMod(barEnd, 1000L) * 1_000_000L,
                seenAt.getEpochSecond(), seenAt.getNano(), maxBarAge, false);
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
        Optional<OptionChain> chain = context.chain();
        if (chain.isEmpty()) {
            return chain; // asked on every bar close by the options strategies: no lambda, no Duration
        }
        ZonedDateTime asOf = chain.get().asOfTime();
        if (asOf == null) {
            return Optional.empty();
        }
        long barEnd = context.marketTimeMillis();
        boolean stale = exceeds(asOf.toEpochSecond(), asOf.getNano(), Math.floorDiv(barEnd, 1000L),
                Math.floorMod(barEnd, 1000L) * 1_000_000L, maxChainAge, true);
        return stale ? Optional.empty() : chain;
    }

    /**
     * Whether the time from (fromSeconds, fromNanos) to (toSeconds, toNanos), or its absolute value, is longer than
     * {@code limit}: {@code Duration.between(from, to)[.abs()].compareTo(limit) > 0} without building Durations.
     */
    private static boolean exceeds(long fromSeconds, long fromNanos, long toSeconds, long toNanos, Duration limit,
                                   boolean absolute) {
        long seconds = toSeconds - fromSeconds;
        long nanos = toNanos - fromNanos;
        if (nanos < 0) {
            seconds--;
            nanos += 1_000_000_000L;
        }
        if (absolute && seconds < 0) { // −(s + n/1e9) = (−s − 1) + (1e9 − n)/1e9
            seconds = -seconds - (nanos > 0 ? 1 : 0);
            nanos = nanos > 0 ? 1_000_000_000L - nanos : 0;
        }
        return seconds > limit.getSeconds() || seconds == limit.getSeconds() && nanos > limit.getNano();
    }
}
