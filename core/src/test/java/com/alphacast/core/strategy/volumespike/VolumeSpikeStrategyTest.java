package com.alphacast.core.strategy.volumespike;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.book.DepthProtocol;
import com.alphacast.core.calendar.TradingSession;
import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.feed.trades.TradeCsvReader;
import com.alphacast.core.feed.trades.TradeRow;
import com.alphacast.core.fixtures.TestData;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.options.activity.UnusualOptionsActivity;
import com.alphacast.core.options.gex.GammaExposure;
import com.alphacast.core.options.gex.GexConvention;
import com.alphacast.core.settings.InstrumentSettings;
import com.alphacast.core.settings.MarketSettings;
import com.alphacast.core.settings.VolumeSpikeSettings;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.settings.WorkerSettings;
import com.alphacast.core.state.ChainAnalytics;
import com.alphacast.core.state.MarketState;
import com.alphacast.core.strategy.Candidate;
import com.alphacast.core.strategy.Factor;
import com.alphacast.core.strategy.StrategyContext;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VolumeSpikeStrategyTest {

    private static final MarketSettings ES = new MarketSettings("ES", "ESU1", 0.25, 50, TradingSession.cmeGlobex());
    private static final VolumeSpikeSettings DEMO = new VolumeSpikeSettings(60, 10, 2.0, 1.5, 2, 6, 2.0, 1, 1);
    private static final Instant OBSERVED = Instant.parse("2026-01-01T00:00:00Z");

    static final InstrumentSettings ES_FEED = new InstrumentSettings("ES", "ESU1", 0.25, 1, List.of("replay"),
            DepthProtocol.SPOT, 21, 0.01, 500, 50, 20, 252 * 1380, 0.10, 0.25, false);

    private static List<Signal> runOnEsSession(VolumeSpikeSettings settings) throws Exception {
        return runOnEsSession(settings, FeedHealth.LIVE);
    }

    /** The ES session through the worker's market state, the feed reporting {@code health} throughout. */
    private static List<Signal> runOnEsSession(VolumeSpikeSettings settings, FeedHealth health) throws Exception {
        Path file = TestData.esSession();
        List<TradeRow> rows;
        try (Reader in = Files.newBufferedReader(file)) {
            rows = new TradeCsvReader("ES").read(in, file.toString());
        }
        VolumeSpikeStrategy strategy = new VolumeSpikeStrategy(ES, settings);
        List<Signal> signals = new ArrayList<>();
        MarketState state = new MarketState(new WorkerSettings(List.of(ES_FEED), 1024, 30), settings,
                new ChainAnalytics(new GammaExposure(GexConvention.DEFAULT), UnusualOptionsActivity.DEFAULT),
                (view, receiveNanos) -> strategy.onBar(view, OBSERVED).ifPresent(signals::add));
        state.onFeedHealth("replay", "ES", health, 0, "test");
        for (TradeRow row : rows) {
            state.onTrade("ES", row.trade().epochMillis() * 1_000_000L, 0, 0, row.trade().price(),
                    row.trade().size(), Aggressor.UNKNOWN);
        }
        state.finish(0);
        return signals;
    }

    @Test
    void followsTheThreeVolumeSpikesOfTheEsSession() throws Exception {
        List<Signal> signals = runOnEsSession(DEMO);

        assertThat(signals).extracting(Signal::id).containsExactly(
                "volume-spike:ESU1:2011-07-31T22:29:00Z",
                "volume-spike:ESU1:2011-07-31T22:31:00Z",
                "volume-spike:ESU1:2011-07-31T22:38:00Z");
        Signal first = signals.get(0);
        // 22:28 bar: 1,092 contracts, ~3x its baseline, fell 1305.00 -> 1303.50.
        assertThat(first.direction()).isEqualTo(Direction.SHORT);
        assertThat(first.entry()).isEqualTo(1303.50);
        assertThat(first.stop()).isEqualTo(1305.00);
        assertThat(first.target()).isEqualTo(1300.50);
        assertThat(first.rationale()).contains("1,092").contains("-6 ticks");
        assertThat(signals.get(2).direction()).isEqualTo(Direction.LONG);
        assertThat(signals).allSatisfy(s -> assertThat(s.confidence()).isBetween(0.5, 1.0));
    }

    @Test
    void replayingTheSameSessionGivesIdenticalSignals() throws Exception {
        assertThat(runOnEsSession(DEMO)).isEqualTo(runOnEsSession(DEMO));
    }

    @Test
    void staysSilentWhileTheFeedIsStale() throws Exception {
        assertThat(runOnEsSession(DEMO, FeedHealth.STALE)).isEmpty();
        assertThat(runOnEsSession(DEMO, FeedHealth.SYNCHRONISING)).isEmpty();
    }

    @Test
    void stricterThresholdsKeepOnlyTheStrongestSpike() throws Exception {
        VolumeSpikeSettings strict = new VolumeSpikeSettings(60, 10, 4.0, 3.0, 2, 6, 2.0, 1, 1);
        assertThat(runOnEsSession(strict)).extracting(Signal::id)
                .containsExactly("volume-spike:ESU1:2011-07-31T22:31:00Z");
    }

    @Test
    void asAStrategyItsConfidenceIsTheSumOfItsNamedFactors() throws Exception {
        Path file = TestData.esSession();
        List<TradeRow> rows;
        try (Reader in = Files.newBufferedReader(file)) {
            rows = new TradeCsvReader("ES").read(in, file.toString());
        }
        VolumeSpikeStrategy strategy = new VolumeSpikeStrategy(ES, DEMO);
        List<Candidate> candidates = new ArrayList<>();
        MarketState state = new MarketState(new WorkerSettings(List.of(ES_FEED), 1024, 30), DEMO,
                new ChainAnalytics(new GammaExposure(GexConvention.DEFAULT), UnusualOptionsActivity.DEFAULT),
                (view, receiveNanos) -> strategy.evaluate(new StrategyContext(view, Optional.empty(), OBSERVED))
                        .ifPresent(candidates::add));
        state.onFeedHealth("replay", "ES", FeedHealth.LIVE, 0, "test");
        for (TradeRow row : rows) {
            state.onTrade("ES", row.trade().epochMillis() * 1_000_000L, 0, 0, row.trade().price(),
                    row.trade().size(), Aggressor.UNKNOWN);
        }
        state.finish(0);

        assertThat(candidates).extracting(c -> c.signal().id()).containsExactly(
                "volume-spike:ESU1:2011-07-31T22:29:00Z",
                "volume-spike:ESU1:2011-07-31T22:31:00Z",
                "volume-spike:ESU1:2011-07-31T22:38:00Z");
        assertThat(candidates).allSatisfy(c -> {
            assertThat(c.rationale().factors()).extracting(Factor::name)
                    .containsExactly("unusual-volume", "z-clearance");
            assertThat(c.rationale().confidence()).isEqualTo(c.signal().confidence());
        });
    }
}
