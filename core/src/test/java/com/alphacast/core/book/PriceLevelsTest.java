package com.alphacast.core.book;

import com.alphacast.core.feed.binance.BinanceCaptureReader;
import com.alphacast.core.feed.binance.BinanceMessage;
import com.alphacast.core.feed.binance.CapturedMessage;
import com.alphacast.core.fixtures.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The block layout gives exactly what the sorted array it replaced gave, on real captures and random streams. */
class PriceLevelsTest {

    @ParameterizedTest
    @ValueSource(strings = {"orderbook/hftbacktest_binance_spot_btcusdt_20240808.gz",
            "orderbook/hftbacktest_binance_usdm_btcusdt_20240808.gz"})
    void matchesTheSortedArrayBookAfterEveryEventOfARealCapture(String capture) throws IOException {
        List<CapturedMessage> messages;
        try (Reader r = new InputStreamReader(new GZIPInputStream(Files.newInputStream(TestData.file(capture))),
                StandardCharsets.UTF_8)) {
            messages = new BinanceCaptureReader(null).readAll(r, capture);
        }
        Side bids = new Side(true);
        Side asks = new Side(false);
        int events = 0;
        for (CapturedMessage m : messages) {
            if (m.message() instanceof BinanceMessage.Snapshot s) {
                DepthSnapshot snap = s.snapshot();
                bids.clear();
                asks.clear();
                for (int i = 0; i < snap.bidPrices().length; i++) {
                    bids.set(snap.bidPrices()[i], snap.bidQuantities()[i]);
                }
                for (int i = 0; i < snap.askPrices().length; i++) {
                    asks.set(snap.askPrices()[i], snap.askQuantities()[i]);
                }
            } else if (m.message() instanceof BinanceMessage.Depth d) {
                DepthUpdate u = d.update();
                for (int i = 0; i < u.bidCount(); i++) {
                    bids.set(u.bidPrice(i), u.bidQuantity(i));
                    bids.probe(u.bidPrice(i));
                }
                for (int i = 0; i < u.askCount(); i++) {
                    asks.set(u.askPrice(i), u.askQuantity(i));
                    asks.probe(u.askPrice(i));
                }
                events++;
            } else {
                continue;
            }
            // the top after every event, every level every 25 events (a full walk of 5,000 levels is slow)
            bids.assertSame(m.line(), events % 25 == 0 ? Integer.MAX_VALUE : 25);
            asks.assertSame(m.line(), events % 25 == 0 ? Integer.MAX_VALUE : 25);
        }
        bids.assertSame(-1, Integer.MAX_VALUE);
        asks.assertSame(-1, Integer.MAX_VALUE);
        assertThat(events).as("depth events replayed").isGreaterThan(3000);
        // the capture grows the books past a thousand levels a side: blocks split, empty and merge along the way
        assertThat(Math.min(bids.reference.size(), asks.reference.size())).isGreaterThan(1000);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void matchesTheSortedArrayBookOnRandomInsertsUpdatesAndDeletes(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Side side = new Side(seed % 2 == 0);
        // a narrow grid so deletes hit existing levels; phases of growth and of thinning exercise split and merge
        for (int phase = 0; phase < 6; phase++) {
            double deleteShare = phase % 2 == 0 ? 0.2 : 0.8;
            for (int op = 0; op < 4_000; op++) {
                double price = 100 + random.nextInt(3_000) * 0.01;
                double quantity = random.nextDouble() < deleteShare ? 0 : 1 + random.nextInt(50);
                side.set(price, quantity);
                side.probe(price);
                side.probe(100 + random.nextInt(3_000) * 0.01);
                if (op % 97 == 0) {
                    side.assertSame(op);
                }
            }
            side.assertSame(phase);
        }
        side.clear();
        side.assertSame(-1);
        side.set(5, 1);
        side.assertSame(-2);
    }

    @Test
    void keepsTheBestLevelAtTheTopWhenLevelsArriveBelowEveryBlock() {
        PriceLevels asks = new PriceLevels(false, 16);
        for (int i = 0; i < 1_000; i++) {
            asks.set(1_000 - i, i + 1); // each new ask is better than all before: inserted below every block
        }
        assertThat(asks.size()).isEqualTo(1_000);
        assertThat(asks.price(0)).isEqualTo(1);
        assertThat(asks.quantity(0)).isEqualTo(1_000);
        assertThat(asks.price(999)).isEqualTo(1_000);
        assertThat(asks.price(1_000)).isNaN();
        assertThat(asks.quantityAt(500)).isEqualTo(501);
        assertThat(asks.quantityAt(500.5)).isZero();
    }

    /** One side kept both ways; every read compared. */
    private static final class Side {
        final PriceLevels blocks;
        final SortedArrayLevels reference;

        Side(boolean bids) {
            blocks = new PriceLevels(bids, 16);
            reference = new SortedArrayLevels(bids, 16);
        }

        void clear() {
            blocks.clear();
            reference.clear();
        }

        void set(double price, double quantity) {
            blocks.set(price, quantity);
            reference.set(price, quantity);
        }

        void probe(double price) {
            assertThat(blocks.quantityAt(price)).as("quantity at %s", price).isEqualTo(reference.quantityAt(price));
        }

        void assertSame(long where) {
            assertSame(where, Integer.MAX_VALUE);
        }

        void assertSame(long where, int levels) {
            int n = Math.min(reference.size(), levels);
            assertThat(blocks.size()).as("depth at %s", where).isEqualTo(reference.size());
            for (int i = 0; i <= n; i++) {
                if (Double.compare(blocks.price(i), reference.price(i)) != 0
                        || Double.compare(blocks.quantity(i), reference.quantity(i)) != 0) {
                    assertThat(blocks.price(i) + " x " + blocks.quantity(i)).as("level %d at %s", i, where)
                            .isEqualTo(reference.price(i) + " x " + reference.quantity(i));
                }
            }
        }
    }
}
