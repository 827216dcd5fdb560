package com.alphacast.cli.backtest;

import com.alphacast.core.book.DepthSnapshot;
import com.alphacast.core.book.DepthUpdate;
import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.marketdata.MarketEventListener;
import com.alphacast.core.options.OptionChain;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Passes on only the market events of the sessions from {@code --from} to {@code --to} (exchange dates, inclusive)
 * and remembers the last recorded time passed on, which ends the backtest's clock.
 */
final class SessionDates implements MarketEventListener {

    private final MarketEventListener next;
    private final ZoneId zone;
    private final LocalDate from;
    private final LocalDate to;
    private long cachedDayStart = Long.MAX_VALUE;
    private long cachedDayEnd = Long.MIN_VALUE;
    private boolean cachedInside;
    private long lastNanos;

    /** @param from first session date, null for no bound; @param to last session date, null for no bound */
    SessionDates(MarketEventListener next, ZoneId zone, LocalDate from, LocalDate to) {
        this.next = next;
        this.zone = zone;
        this.from = from;
        this.to = to;
    }

    private boolean inside(long exchangeNanos) {
        long millis = Math.floorDiv(exchangeNanos, 1_000_000L);
        if (millis < cachedDayStart || millis >= cachedDayEnd) {
            LocalDate day = Instant.ofEpochMilli(millis).atZone(zone).toLocalDate();
            cachedDayStart = day.atStartOfDay(zone).toInstant().toEpochMilli();
            cachedDayEnd = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
            cachedInside = (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
        }
        if (cachedInside) {
            lastNanos = Math.max(lastNanos, exchangeNanos);
        }
        return cachedInside;
    }

    long lastNanos() {
        return lastNanos;
    }

    @Override
    public void onTrade(String instrument, long exchangeNanos, long receiveNanos, long tradeId, double price,
                        double size, Aggressor aggressor) {
        if (inside(exchangeNanos)) {
            next.onTrade(instrument, exchangeNanos, receiveNanos, tradeId, price, size, aggressor);
        }
    }

    @Override
    public void onTopOfBook(String instrument, long exchangeNanos, long receiveNanos, double bidPrice, double bidSize,
                            double askPrice, double askSize) {
        if (inside(exchangeNanos)) {
            next.onTopOfBook(instrument, exchangeNanos, receiveNanos, bidPrice, bidSize, askPrice, askSize);
        }
    }

    @Override
    public void onDepthUpdate(String instrument, long exchangeNanos, long receiveNanos, DepthUpdate update) {
        if (inside(exchangeNanos)) {
            next.onDepthUpdate(instrument, exchangeNanos, receiveNanos, update);
        }
    }

    @Override
    public void onDepthSnapshot(String instrument, long receiveNanos, DepthSnapshot snapshot) {
        if (inside(receiveNanos)) {
            next.onDepthSnapshot(instrument, receiveNanos, snapshot);
        }
    }

    @Override
    public void onOptionChain(String underlying, long exchangeNanos, long receiveNanos, OptionChain chain) {
        if (inside(exchangeNanos)) {
            next.onOptionChain(underlying, exchangeNanos, receiveNanos, chain);
        }
    }

    @Override
    public void onFeedHealth(String source, String instrument, FeedHealth health, long receiveNanos, String reason) {
        next.onFeedHealth(source, instrument, health, receiveNanos, reason);
    }
}
