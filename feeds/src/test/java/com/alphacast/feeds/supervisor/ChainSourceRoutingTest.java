package com.alphacast.feeds.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.book.DepthProtocol;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.options.OptionChain;
import com.alphacast.feeds.fixtures.RecordingListener;
import com.alphacast.feeds.supervisor.FeedSupervisorTest.ScriptedSource;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A chain poller runs under the supervisor beside the instrument's failover route, not in it. */
class ChainSourceRoutingTest {

    private static final OptionChain CHAIN = new OptionChain("SPY", 658.05, LocalDate.of(2025, 9, 25), null, List.of());

    @Test
    void chainsOfASourceOutsideTheRoutePassAndItsStaleHealthNeverSilencesTheInstrument() {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        ScriptedSource trades = new ScriptedSource("binance-spot");
        ScriptedSource cboe = new ScriptedSource("cboe");
        RecordingListener downstream = new RecordingListener(DepthProtocol.SPOT);
        try (FeedSupervisor supervisor = new FeedSupervisor(List.of(trades, cboe),
                List.of(new InstrumentRoute("BTCUSDT", List.of("binance-spot"), Duration.ofSeconds(5))),
                Duration.ofHours(1), new InMemoryOperatorAlerts(), now::get)) {
            supervisor.start(downstream);
            trades.health(FeedHealth.LIVE, now.get());
            trades.rebuilt(now.get()); // the snapshot the supervisor asks its first active source for
            cboe.listener.onOptionChain("BTCUSDT", 1, 1, CHAIN);
            cboe.health(FeedHealth.STALE, now.get());
            trades.trade(100);

            assertThat(downstream.chains()).containsExactly(CHAIN);
            assertThat(supervisor.activeSource("BTCUSDT")).isEqualTo("binance-spot");
            assertThat(downstream.lastHealth("BTCUSDT")).isEqualTo(FeedHealth.LIVE);
            assertThat(downstream.trades()).isEqualTo(1);
        }
    }

    @Test
    void aStandbySourceInTheRouteStillHasItsChainsDropped() {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        ScriptedSource primary = new ScriptedSource("a");
        ScriptedSource standby = new ScriptedSource("b");
        RecordingListener downstream = new RecordingListener(DepthProtocol.SPOT);
        try (FeedSupervisor supervisor = new FeedSupervisor(List.of(primary, standby),
                List.of(new InstrumentRoute("BTCUSDT", List.of("a", "b"), Duration.ofSeconds(5))),
                Duration.ofHours(1), new InMemoryOperatorAlerts(), now::get)) {
            supervisor.start(downstream);
            primary.health(FeedHealth.LIVE, now.get());
            standby.health(FeedHealth.LIVE, now.get());
            standby.listener.onOptionChain("BTCUSDT", 1, 1, CHAIN);
            assertThat(downstream.chains()).isEmpty();
            primary.listener.onOptionChain("BTCUSDT", 1, 1, CHAIN);
            assertThat(downstream.chains()).hasSize(1);
        }
    }
}
