package com.alphacast.feeds.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.book.DepthSnapshot;
import com.alphacast.core.book.DepthUpdate;
import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.marketdata.MarketEventListener;
import com.alphacast.core.options.OptionChain;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeanZipReplayTest {

    private static final long RTH_OPEN = Instant.parse("2013-10-07T13:30:00Z").toEpochMilli() * 1_000_000L;
    private static final long RTH_CLOSE = Instant.parse("2013-10-07T20:00:00Z").toEpochMilli() * 1_000_000L;
    private static final Path LEAN = Path.of(System.getProperty("alphacast.testdata"), "lean/equity/usa");

    /** Every call in order, with the times it carried. */
    private static final class Tape implements MarketEventListener {
        final List<String> health = new ArrayList<>();
        long trades;
        long tops;
        double volume;
        double high = Double.NEGATIVE_INFINITY;
        long lastExchangeNanos;
        long outOfOrder;
        long receiveDiffers;
        long tradesAfterTop;
        boolean sawTop;

        @Override
        public void onTrade(String instrument, long exchangeNanos, long receiveNanos, long tradeId, double price,
                            double size, Aggressor aggressor) {
            trades++;
            volume += size;
            if (exchangeNanos >= RTH_OPEN && exchangeNanos < RTH_CLOSE) {
                high = Math.max(high, price);
            }
            if (sawTop) {
                tradesAfterTop++;
            }
            check(exchangeNanos, receiveNanos);
        }

        @Override
        public void onTopOfBook(String instrument, long exchangeNanos, long receiveNanos, double bidPrice,
                                double bidSize, double askPrice, double askSize) {
            tops++;
            sawTop = true;
            check(exchangeNanos, receiveNanos);
        }

        private void check(long exchangeNanos, long receiveNanos) {
            if (exchangeNanos < lastExchangeNanos) {
                outOfOrder++;
            }
            if (receiveNanos != exchangeNanos) {
                receiveDiffers++;
            }
            lastExchangeNanos = exchangeNanos;
        }

        @Override
        public void onDepthUpdate(String instrument, long exchangeNanos, long receiveNanos, DepthUpdate update) {
        }

        @Override
        public void onDepthSnapshot(String instrument, long receiveNanos, DepthSnapshot snapshot) {
        }

        @Override
        public void onOptionChain(String underlying, long exchangeNanos, long receiveNanos, OptionChain chain) {
        }

        @Override
        public void onFeedHealth(String source, String instrument, FeedHealth health, long receiveNanos,
                                 String reason) {
            this.health.add(instrument + " " + health + " " + Instant.ofEpochSecond(0, receiveNanos));
        }
    }

    @Test
    void replaysFilteredTicksMergedWithSecondQuotesInRecordedTime() throws InterruptedException {
        Tape tape = new Tape();
        try (LeanZipReplay replay = new LeanZipReplay("lean", List.of(
                LEAN.resolve("tick/spy/20131007_trade.zip"), LEAN.resolve("second/spy/20131007_quote.zip")),
                ReplaySpeed.MAX, ReceiveClock.RECORDED)) {
            replay.start(tape);
            assertThat(replay.awaitEnd(Duration.ofMinutes(2))).isTrue();
            assertThat(replay.failure()).isNull();
            assertThat(replay.quality().problems()).isZero();
            LeanZipReplay.DroppedPrints dropped = replay.dropped();
            assertThat(tape.trades + dropped.prints()).isEqualTo(250_601);
            assertThat(dropped.byReason()).containsKey("sale condition average-price");
        }
        // the 09:30-16:00 high is Lean's own bar high: the average-price block print at 168.90 never reached the listener
        assertThat(tape.high).isEqualTo(168.45);
        assertThat(tape.tops).isPositive();
        assertThat(tape.tradesAfterTop).isPositive();
        assertThat(tape.outOfOrder).isZero();
        assertThat(tape.receiveDiffers).isZero();
        assertThat(tape.health).containsExactly("SPY LIVE 2013-10-07T08:00:00.464Z",
                "SPY DISCONNECTED " + Instant.ofEpochSecond(0, tape.lastExchangeNanos));
    }

    @Test
    void replaysSecondTradeBarsAsFourPricesWithTheirWholeVolume() throws InterruptedException {
        Tape tape = new Tape();
        try (LeanZipReplay replay = new LeanZipReplay("lean", List.of(LEAN.resolve("second/spy/20131008_trade.zip")),
                ReplaySpeed.MAX, ReceiveClock.RECORDED)) {
            replay.start(tape);
            assertThat(replay.awaitEnd(Duration.ofMinutes(2))).isTrue();
            assertThat(replay.quality().problems()).isZero();
        }
        assertThat(tape.trades).isBetween(22_383L, 4 * 22_383L);
        assertThat(tape.outOfOrder).isZero();
        assertThat(tape.tops).isZero();
    }

    @Test
    void knowsALeanZipFromAnyOtherFile() {
        assertThat(LeanZipReplay.isLeanZip(LEAN.resolve("tick/spy/20131009_trade.zip"))).isTrue();
        assertThat(LeanZipReplay.isLeanZip(Path.of(System.getProperty("alphacast.testdata"),
                "daily/lean_spy_daily.zip"))).isFalse();
        assertThat(LeanZipReplay.isLeanZip(Path.of(System.getProperty("alphacast.testdata"),
                "trades/es_ticks_with_bad_prints.csv"))).isFalse();
    }
}
