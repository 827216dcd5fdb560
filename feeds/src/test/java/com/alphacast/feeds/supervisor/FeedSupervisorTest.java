package com.alphacast.feeds.supervisor;

import com.alphacast.core.book.DepthProtocol;
import com.alphacast.core.book.DepthSnapshot;
import com.alphacast.core.book.DepthUpdate;
import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.marketdata.FeedSource;
import com.alphacast.core.marketdata.MarketEventListener;
import com.alphacast.core.options.OptionChain;
import com.alphacast.feeds.fixtures.RecordingListener;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedSupervisorTest {

    /** A source the test drives by hand through the listener it was started with. */
    static final class ScriptedSource implements Resynchronisable {
        final String name;
        MarketEventListener listener;
        int resyncs;
        /** What the source does when asked to resynchronise, besides counting (its feed thread's work). */
        Runnable onResynchronise = () -> { };

        ScriptedSource(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start(MarketEventListener l) {
            listener = l;
        }

        @Override
        public void resynchronise(String instrument, String reason) {
            resyncs++;
            onResynchronise.run();
        }

        @Override
        public void close() {
        }

        void health(FeedHealth h, long now) {
            listener.onFeedHealth(name, "BTCUSDT", h, now, name + " says " + h);
        }

        /** What a real source reports after a resynchronisation request: stale, then live on the new snapshot. */
        void rebuilt(long now) {
            health(FeedHealth.STALE, now);
            health(FeedHealth.LIVE, now);
        }

        void trade(double price) {
            listener.onTrade("BTCUSDT", 1, 1, -1, price, 1, Aggressor.BUY);
        }
    }

    static final long MS = 1_000_000L;

    @Test
    void failsOverToTheBackupSilencesWhileNoneIsLiveAndTakesThePrimaryBackAfterTheHoldDown() {
        AtomicLong now = new AtomicLong(1_000 * MS);
        ScriptedSource primary = new ScriptedSource("binance-spot");
        ScriptedSource backup = new ScriptedSource("binance-spot-backup");
        InMemoryOperatorAlerts alerts = new InMemoryOperatorAlerts();
        RecordingListener downstream = new RecordingListener(DepthProtocol.SPOT);
        try (FeedSupervisor supervisor = new FeedSupervisor(List.of(primary, backup),
                List.of(new InstrumentRoute("BTCUSDT", List.of("binance-spot", "binance-spot-backup"),
                        Duration.ofSeconds(5))), Duration.ofHours(1), alerts, now::get)) {
            supervisor.start(downstream);
            primary.health(FeedHealth.LIVE, now.get());
            backup.health(FeedHealth.LIVE, now.get());
            assertThat(supervisor.activeSource("BTCUSDT")).isEqualTo("binance-spot");
            assertThat(primary.resyncs).as("the consumer's book starts from the active source's snapshot")
                    .isEqualTo(1);
            assertThat(downstream.lastHealth("BTCUSDT")).isEqualTo(FeedHealth.STALE);
            primary.rebuilt(now.get());
            assertThat(downstream.lastHealth("BTCUSDT")).isEqualTo(FeedHealth.LIVE);
            primary.trade(100);
            backup.trade(999); // a standby's events never reach the consumer
            assertThat(downstream.trades()).isEqualTo(1);

            now.addAndGet(100 * MS);
            primary.health(FeedHealth.STALE, now.get());
            assertThat(supervisor.activeSource("BTCUSDT")).isEqualTo("binance-spot-backup");
            assertThat(backup.resyncs).as("the backup rebuilds its book for the consumer").isEqualTo(1);
            primary.trade(101); // from the stale period: dropped
            backup.trade(102);
            assertThat(downstream.lastTradePrice()).isEqualTo(102);
            assertThat(downstream.trades()).isEqualTo(2);

            // the primary recovers; it is not taken back before the hold-down
            now.addAndGet(100 * MS);
            primary.health(FeedHealth.LIVE, now.get());
            now.addAndGet(4_000 * MS);
            backup.health(FeedHealth.LIVE, now.get()); // any evaluation before the hold-down keeps the backup
            assertThat(supervisor.activeSource("BTCUSDT")).isEqualTo("binance-spot-backup");
            now.addAndGet(1_000 * MS);
            backup.health(FeedHealth.LIVE, now.get());
            assertThat(supervisor.activeSource("BTCUSDT")).isEqualTo("binance-spot");
            assertThat(primary.resyncs).isEqualTo(2);

            // both down: silenced
            now.addAndGet(10_000 * MS);
            primary.health(FeedHealth.DISCONNECTED, now.get());
            backup.health(FeedHealth.DISCONNECTED, now.get());
            assertThat(downstream.lastHealth("BTCUSDT")).isEqualTo(FeedHealth.DISCONNECTED);
            primary.health(FeedHealth.LIVE, now.get());
            assertThat(downstream.lastHealth("BTCUSDT")).as("made active again: its book is rebuilt first")
                    .isEqualTo(FeedHealth.STALE);
            primary.health(FeedHealth.STALE, now.get()); // what a real source reports while resynchronising
            primary.health(FeedHealth.LIVE, now.get());
            assertThat(downstream.lastHealth("BTCUSDT")).isEqualTo(FeedHealth.LIVE);
        }
        List<FeedHealth> seen = downstream.health().stream().map(RecordingListener.Health::health).toList();
        assertThat(seen).containsSubsequence(FeedHealth.LIVE, FeedHealth.LIVE, FeedHealth.DISCONNECTED,
                FeedHealth.LIVE);
        assertThat(downstream.health()).extracting(RecordingListener.Health::source)
                .containsSubsequence("binance-spot", "binance-spot-backup", "binance-spot");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        // Alerts go out on the supervisor's own thread: wait for the last one (primary down first fails over to the
        // backup, so there are five: FAILOVER, TAKEN_BACK, FAILOVER, SILENCED, RESTORED).
        while (alerts.alerts().stream().noneMatch(alert -> alert.kind() == FeedAlert.Kind.RESTORED)
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(alerts.alerts()).extracting(FeedAlert::kind).containsSubsequence(FeedAlert.Kind.FAILOVER,
                FeedAlert.Kind.TAKEN_BACK, FeedAlert.Kind.SILENCED, FeedAlert.Kind.RESTORED);
    }

    @Test
    void anActiveSourceSilentForTheStalenessWindowIsReplacedWithNoEventMarkedLiveFromTheSilence()
            throws InterruptedException {
        // The supervisor's clock is the test's: how late the periodic check runs on a loaded machine cannot move
        // what it measures, so the silence it reports is exactly the silence the test made.
        AtomicLong clock = new AtomicLong(1_000 * MS);
        ScriptedSource primary = new ScriptedSource("primary");
        ScriptedSource backup = new ScriptedSource("backup");
        RecordingListener downstream = new RecordingListener(DepthProtocol.SPOT);
        InMemoryOperatorAlerts alerts = new InMemoryOperatorAlerts();
        try (FeedSupervisor supervisor = new FeedSupervisor(List.of(primary, backup),
                List.of(new InstrumentRoute("BTCUSDT", List.of("primary", "backup"), Duration.ofSeconds(30))),
                Duration.ofMillis(200), alerts, clock::get)) {
            supervisor.start(downstream);
            primary.health(FeedHealth.LIVE, clock.get());
            backup.health(FeedHealth.LIVE, clock.get());
            primary.trade(100);
            clock.addAndGet(200 * MS); // silent for exactly the window: not yet stale
            backup.trade(200);         // the backup keeps trading; the primary says nothing
            assertThat(supervisor.activeSource("BTCUSDT")).isEqualTo("primary");
            clock.addAndGet(MS);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while ((!"backup".equals(supervisor.activeSource("BTCUSDT"))
                    || alerts.alerts().stream().noneMatch(alert -> alert.kind() == FeedAlert.Kind.FAILOVER))
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(supervisor.activeSource("BTCUSDT")).isEqualTo("backup");
            assertThat(alerts.alerts()).filteredOn(alert -> alert.kind() == FeedAlert.Kind.FAILOVER)
                    .singleElement().extracting(FeedAlert::reason).asString()
                    .contains("primary: no event for 201 ms");
            assertThat(downstream.trades()).as("no standby trade passed while the primary was active").isEqualTo(1);
        }
    }

    @Test
    void aNewSourcesFirstTradeReachesTheConsumerOnlyAfterTheFailoverIsReported() throws InterruptedException {
        AtomicLong now = new AtomicLong(1_000 * MS);
        ScriptedSource primary = new ScriptedSource("primary");
        ScriptedSource backup = new ScriptedSource("backup");
        RecordingListener downstream = new RecordingListener(DepthProtocol.SPOT);
        // The backup's feed thread is busy trading when the supervisor makes it active: its next trade races the
        // failover. Told of the trade first, the consumer would close the bar the outage cut short as whole.
        Thread backupFeed = new Thread(() -> backup.trade(102), "backup-feed");
        backup.onResynchronise = () -> {
            backupFeed.start();
            try {
                backupFeed.join(300); // room for the trade to overtake, if the supervisor let it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try (FeedSupervisor supervisor = liveOnPrimary(primary, backup, now, downstream)) {
            primary.trade(100);
            primary.health(FeedHealth.DISCONNECTED, now.addAndGet(100 * MS));
            backupFeed.join(10_000);
            assertThat(supervisor.activeSource("BTCUSDT")).isEqualTo("backup");
        }
        assertThat(downstream.trades()).isEqualTo(2);
        RecordingListener.Health failover = downstream.health().stream()
                .filter(h -> h.source().equals("backup")).findFirst().orElseThrow();
        assertThat(failover.health()).isEqualTo(FeedHealth.STALE);
        assertThat(failover.atEvent()).as("events the consumer had seen when told of the failover: the primary's "
                + "trade, not yet the backup's").isEqualTo(1);
    }

    @Test
    void aStandbysEventsAreDroppedWithoutWaitingForTheActiveSourcesDeliveryDownstream() throws Exception {
        AtomicLong now = new AtomicLong(1_000 * MS);
        ScriptedSource primary = new ScriptedSource("primary");
        ScriptedSource backup = new ScriptedSource("backup");
        RecordingListener recorded = new RecordingListener(DepthProtocol.SPOT);
        CountDownLatch inDelivery = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // The worker busy with the primary's trade (a bar closing, its writes waiting for room in the I/O queue).
        MarketEventListener slowDownstream = new MarketEventListener() {
            @Override
            public void onTrade(String instrument, long exchangeNanos, long receiveNanos, long tradeId, double price,
                                double size, Aggressor aggressor) {
                inDelivery.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                recorded.onTrade(instrument, exchangeNanos, receiveNanos, tradeId, price, size, aggressor);
            }

            @Override
            public void onTopOfBook(String instrument, long exchangeNanos, long receiveNanos, double bidPrice,
                                    double bidSize, double askPrice, double askSize) {
                recorded.onTopOfBook(instrument, exchangeNanos, receiveNanos, bidPrice, bidSize, askPrice, askSize);
            }

            @Override
            public void onDepthUpdate(String instrument, long exchangeNanos, long receiveNanos, DepthUpdate update) {
                recorded.onDepthUpdate(instrument, exchangeNanos, receiveNanos, update);
            }

            @Override
            public void onDepthSnapshot(String instrument, long receiveNanos, DepthSnapshot snapshot) {
                recorded.onDepthSnapshot(instrument, receiveNanos, snapshot);
            }

            @Override
            public void onOptionChain(String underlying, long exchangeNanos, long receiveNanos, OptionChain chain) {
                recorded.onOptionChain(underlying, exchangeNanos, receiveNanos, chain);
            }

            @Override
            public void onFeedHealth(String source, String instrument, FeedHealth health, long receiveNanos,
                                     String reason) {
                recorded.onFeedHealth(source, instrument, health, receiveNanos, reason);
            }
        };
        try (FeedSupervisor supervisor = liveOnPrimary(primary, backup, now, slowDownstream)) {
            Thread primaryFeed = new Thread(() -> primary.trade(100), "primary-feed");
            primaryFeed.start();
            assertThat(inDelivery.await(10, TimeUnit.SECONDS)).isTrue();

            Thread backupFeed = new Thread(() -> backup.trade(999), "backup-feed");
            backupFeed.start();
            backupFeed.join(5_000);
            boolean backupWaited = backupFeed.isAlive();
            release.countDown();
            primaryFeed.join(10_000);
            backupFeed.join(10_000);

            assertThat(backupWaited).as("the standby's feed thread waited for the primary's delivery").isFalse();
        }
        assertThat(recorded.trades()).isEqualTo(1);
        assertThat(recorded.lastTradePrice()).isEqualTo(100);
    }

    @Test
    void refusesRoutesNamingUnknownSources() {
        assertThatThrownBy(() -> new FeedSupervisor(List.of(new ScriptedSource("a")),
                List.of(new InstrumentRoute("X", List.of("a", "b"), Duration.ZERO)), Duration.ofSeconds(1),
                new InMemoryOperatorAlerts(), System::nanoTime))
                .hasMessageContaining("X: sources names unknown source 'b'");
    }

    /**
     * A supervisor routing BTCUSDT to {@code primary}, then {@code backup} (30 s staleness window, no periodic check
     * within a test), started on {@code listener}, both sources live and the primary's book whole.
     */
    private static FeedSupervisor liveOnPrimary(ScriptedSource primary, ScriptedSource backup, AtomicLong now,
                                                MarketEventListener listener) {
        FeedSupervisor supervisor = new FeedSupervisor(List.of(primary, backup),
                List.of(new InstrumentRoute("BTCUSDT", List.of("primary", "backup"), Duration.ofSeconds(30))),
                Duration.ofHours(1), new InMemoryOperatorAlerts(), now::get);
        supervisor.start(listener);
        primary.health(FeedHealth.LIVE, now.get());
        backup.health(FeedHealth.LIVE, now.get());
        primary.rebuilt(now.get());
        return supervisor;
    }
}
