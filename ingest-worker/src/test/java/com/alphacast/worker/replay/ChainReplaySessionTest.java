package com.alphacast.worker.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.aws.config.SettingsLoader;
import com.alphacast.core.calendar.Exchange;
import com.alphacast.core.calendar.ShippedCalendars;
import com.alphacast.core.feed.cboe.CboeQuoteDataParser;
import com.alphacast.core.market.ChainSummary;
import com.alphacast.core.market.MarketSnapshot;
import com.alphacast.core.options.activity.UnusualOptionsActivity;
import com.alphacast.core.options.gex.GammaExposure;
import com.alphacast.core.options.gex.GexConvention;
import com.alphacast.core.settings.AlphacastSettings;
import com.alphacast.core.settings.ChainSourceSettings;
import com.alphacast.core.settings.InstrumentSettings;
import com.alphacast.core.settings.WorkerSettings;
import com.alphacast.core.state.ChainAnalytics;
import com.alphacast.core.strategy.StrategyCatalog;
import com.alphacast.core.volatility.VolatilityRegime;
import com.alphacast.worker.ReplaySession;
import com.alphacast.worker.WorkerEnvironment;
import com.alphacast.worker.io.HeldChain;
import com.alphacast.worker.io.OutboundWrites;
import com.alphacast.worker.pipeline.InstrumentDesks;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Recorded option chains replayed beside a trades recording reach every snapshot of the instruments following them. */
class ChainReplaySessionTest {

    private static final Path ROOT = Path.of(System.getProperty("alphacast.project.root", ".."));
    static final Path CSV = ROOT.resolve("testdata/options/spy_quotedata_2025-09-25.csv");
    static final Path JSON = ROOT.resolve("testdata/options/derived/spy_delayed_quotes_2025-09-25.json");
    static final Path ES = ROOT.resolve("data/demo/es_trades_2011-07-31.csv");
    private static final ChainAnalytics CHAINS =
            new ChainAnalytics(new GammaExposure(GexConvention.DEFAULT), UnusualOptionsActivity.DEFAULT);
    private static final StrategyCatalog CATALOG = new StrategyCatalog(new ShippedCalendars().calendar(Exchange.XCME),
            new GammaExposure(GexConvention.DEFAULT));

    private final List<Object> written = Collections.synchronizedList(new ArrayList<>());

    /** The demo profile, its ES instrument following SPY's chain (a common proxy for the index's dealer gamma). */
    private static AlphacastSettings esFollowingSpy(String underlying) {
        AlphacastSettings s = new SettingsLoader(Optional.of(ROOT.resolve("config"))).load("demo");
        InstrumentSettings es = s.worker().instruments().get(0)
                .withChain(new ChainSourceSettings("cboe", underlying, Duration.ofSeconds(60)));
        return new AlphacastSettings(s.profile(), s.source(), s.market(), s.replay(), s.volumeSpike(), s.risk(),
                s.broker(), s.distribution(), s.subscriptions(), new WorkerSettings(List.of(es), 4096, 30));
    }

    private static ReplaySession session(AlphacastSettings settings, OutboundWrites writes) {
        return new ReplaySession(settings, new WorkerEnvironment(Map.of("ALPHACAST_HOME", ROOT.toString())), writes,
                CHAINS, new InstrumentDesks(settings, Optional.empty(), CATALOG));
    }

    private List<MarketSnapshot> replay(AlphacastSettings settings, Path chain) {
        try (OutboundWrites writes = new OutboundWrites(4096, 100, 1, written::addAll, written::addAll, written::addAll,
                written::addAll)) {
            session(settings, writes).run(ES, List.of(chain), Double.POSITIVE_INFINITY);
        }
        return written.stream().filter(MarketSnapshot.class::isInstance).map(MarketSnapshot.class::cast).toList();
    }

    private static ChainSummary expected() throws Exception {
        try (Reader r = Files.newBufferedReader(CSV)) {
            return CHAINS.summarize(new CboeQuoteDataParser().parse(r, CSV.toString()).chain());
        }
    }

    @Test
    void aCsvChainReplayedBesideTheTradesReachesEverySnapshotWithTheOtherAnalytics() throws Exception {
        List<MarketSnapshot> snapshots = replay(esFollowingSpy("SPY"), CSV);

        assertThat(snapshots).hasSize(50);
        ChainSummary expected = expected();
        assertThat(expected.asOf()).isEqualTo(LocalDate.of(2025, 9, 25));
        assertThat(expected.zeroGamma()).isFinite();
        assertThat(snapshots).allSatisfy(s -> assertThat(s.analytics().chain()).contains(expected));
        MarketSnapshot last = snapshots.get(snapshots.size() - 1);
        assertThat(last.analytics().vpin()).isBetween(0.0, 1.0);
        assertThat(last.analytics().regime()).isNotEqualTo(VolatilityRegime.UNKNOWN);
    }

    @Test
    void theChainIsStoredOnceForTheInstrumentBeforeTheFirstSnapshotThatHoldsIt() throws Exception {
        ReplayReport report;
        try (OutboundWrites writes = new OutboundWrites(4096, 100, 1, written::addAll, written::addAll, written::addAll,
                written::addAll)) {
            report = session(esFollowingSpy("SPY"), writes).run(ES, List.of(CSV), Double.POSITIVE_INFINITY);
        }

        List<Object> chains = written.stream().filter(HeldChain.class::isInstance).toList();
        assertThat(chains).singleElement().isInstanceOfSatisfying(HeldChain.class, held -> {
            assertThat(held.underlying()).isEqualTo("ES");
            assertThat(held.chain().underlying()).isEqualTo("SPY");
            assertThat(held.chain().contracts()).hasSize(3716);
            assertThat(held.chain().asOfTime()).hasToString("2025-09-25T21:05-04:00[America/New_York]");
        });
        assertThat(written.indexOf(chains.get(0))).isLessThan(written.indexOf(written.stream()
                .filter(MarketSnapshot.class::isInstance).findFirst().orElseThrow()));
        assertThat(report.io().chainsWritten()).isEqualTo(1);
        assertThat(report.io().snapshotsWritten()).isEqualTo(50);
    }

    @Test
    void theJsonOfTheSameChainGivesTheSameSummaryAndAnIndexMarkerIsIgnoredWhenMatching() throws Exception {
        List<MarketSnapshot> snapshots = replay(esFollowingSpy("SPY"), JSON);
        ChainSummary expected = expected();
        assertThat(snapshots).isNotEmpty().allSatisfy(s -> assertThat(s.analytics().chain()).contains(expected));
        assertThat(RecordingFormat.of(JSON)).isEqualTo(RecordingFormat.CBOE_CHAIN);
        assertThat(RecordingFormat.of(CSV)).isEqualTo(RecordingFormat.CBOE_CHAIN);
        assertThat(RecordingFormat.of(ES)).isEqualTo(RecordingFormat.TRADES_CSV);
    }

    @Test
    void aChainNoInstrumentFollowsOrAChainGivenAsTheRecordingIsRefusedSayingWhatToDo() {
        AlphacastSettings spx = esFollowingSpy("_SPX");
        assertThatThrownBy(() -> replay(spx, CSV))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a chain of SPY that no instrument follows")
                .hasMessageContaining("worker.instruments.<SYMBOL>.chain.underlying: SPY")
                .hasMessageContaining("[ES]");
        AlphacastSettings spy = esFollowingSpy("SPY");
        try (OutboundWrites writes = new OutboundWrites(64, 100, 1, written::addAll, written::addAll, written::addAll,
                written::addAll)) {
            ReplaySession session = session(spy, writes);
            assertThatThrownBy(() -> session.run(JSON, List.of(), Double.POSITIVE_INFINITY))
                    .hasMessageContaining("an option chain, not a market recording")
                    .hasMessageContaining("--chain spy_delayed_quotes_2025-09-25.json");
            assertThatThrownBy(() -> session.run(ES, List.of(ES), Double.POSITIVE_INFINITY))
                    .hasMessageContaining("not a CBOE option chain");
        }
        assertThat(written).isEmpty();
    }
}
