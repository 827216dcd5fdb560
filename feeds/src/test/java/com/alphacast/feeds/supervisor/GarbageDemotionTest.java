package com.alphacast.feeds.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.book.DepthProtocol;
import com.alphacast.core.feed.binance.BinanceMarket;
import com.alphacast.core.fixtures.TestData;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.marketdata.FeedSource;
import com.alphacast.core.marketdata.MarketEventListener;
import com.alphacast.feeds.binance.BinanceStreamSession;
import com.alphacast.feeds.fixtures.RecordingListener;
import com.alphacast.feeds.loopback.CaptureExchange;
import com.alphacast.feeds.quality.InputProblem;
import com.alphacast.feeds.quality.InputQuality;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A source that keeps sending garbage is demoted: its instrument turns STALE on the source's own word
 * ({@link InputQuality}: more than 100 bad frames within 1,000), the supervisor moves to the next source, and after a
 * clean window the source is reinstated and taken back. Both sources run the live decode path
 * ({@link BinanceStreamSession}) on the real spot capture.
 */
class GarbageDemotionTest {

    /** The live session path without a socket: the test hands it frames, and snapshots when it asks for one. */
    private static final class SessionSource implements FeedSource {
        private final String name;
        private final CaptureExchange venue;
        private final List<String> snapshotsAsked = new ArrayList<>();
        private BinanceStreamSession session;
        private long frames;

        SessionSource(String name, CaptureExchange venue) {
            this.name = name;
            this.venue = venue;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start(MarketEventListener listener) {
            session = new BinanceStreamSession(name, BinanceMarket.SPOT, List.of("BTCUSDT"), true, listener,
                    (symbol, reason) -> snapshotsAsked.add(symbol), new InputQuality(name, 1_000, 100));
            session.connected(System.nanoTime());
        }

        void frame(String json) {
            session.onFrame(json, System.nanoTime(), ++frames);
            while (!snapshotsAsked.isEmpty()) {
                session.onSnapshotBody(snapshotsAsked.remove(0), venue.snapshotJson(), System.nanoTime());
            }
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aSourceSendingGarbageIsDemotedTheBackupTakesOverAndACleanWindowBringsItBack() throws Exception {
        CaptureExchange venue = CaptureExchange.load(TestData.file("orderbook/hftbacktest_binance_spot_btcusdt_20240808.gz"),
                DepthProtocol.SPOT);
        SessionSource noisy = new SessionSource("binance-spot", venue);
        SessionSource backup = new SessionSource("binance-spot-backup", venue);
        InMemoryOperatorAlerts alerts = new InMemoryOperatorAlerts();
        RecordingListener downstream = new RecordingListener(DepthProtocol.SPOT);
        int garbageFrom = -1;
        try (FeedSupervisor supervisor = new FeedSupervisor(List.of(noisy, backup),
                List.of(new InstrumentRoute("BTCUSDT", List.of(noisy.name(), backup.name()), Duration.ZERO)),
                Duration.ofHours(1), alerts, System::nanoTime)) {
            supervisor.start(downstream);
            for (int i = 0; i < venue.size(); i++) {
                venue.advanceTo(i);
                if (garbageFrom < 0 && i > 5_000 && noisy.name().equals(supervisor.activeSource("BTCUSDT"))
                        && downstream.lastHealth("BTCUSDT") == FeedHealth.LIVE) {
                    garbageFrom = i;
                    for (int k = 0; k < 250; k++) { // a burst of cut-off frames: over 100 in any 1,000
                        noisy.frame("{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":" + k);
                    }
                    assertThat(noisy.session.quality().demoted()).isTrue();
                    assertThat(supervisor.activeSource("BTCUSDT")).as("demoted: the backup takes over")
                            .isEqualTo(backup.name());
                }
                noisy.frame(venue.frame(i));
                backup.frame(venue.frame(i));
            }
            assertThat(garbageFrom).as("the primary went LIVE before the garbage").isPositive();
            assertThat(noisy.session.quality().count(InputProblem.MALFORMED_FRAME)).isEqualTo(250);
            assertThat(noisy.session.quality().demoted()).as("reinstated after a clean window").isFalse();
            assertThat(supervisor.activeSource("BTCUSDT")).as("taken back").isEqualTo(noisy.name());
        }
        assertThat(alerts.alerts()).extracting(FeedAlert::kind).containsSubsequence(FeedAlert.Kind.FAILOVER,
                FeedAlert.Kind.TAKEN_BACK);
        assertThat(alerts.alerts()).filteredOn(a -> a.kind() == FeedAlert.Kind.FAILOVER)
                .extracting(FeedAlert::reason).anyMatch(r -> r.contains("demoted: source keeps sending bad data"));
        assertThat(downstream.downstreamGaps()).as("the consumer's book never mixed the two sources' ids").isZero();
    }
}
