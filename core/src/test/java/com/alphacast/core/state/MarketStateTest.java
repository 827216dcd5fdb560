package com.alphacast.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.alphacast.core.book.DepthProtocol;
import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.feed.trades.TradeCsvReader;
import com.alphacast.core.feed.trades.TradeRow;
import com.alphacast.core.fixtures.SpyChain;
import com.alphacast.core.fixtures.TestData;
import com.alphacast.core.market.ChainSummary;
import com.alphacast.core.market.MarketAnalytics;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.options.activity.UnusualOptionsActivity;
import com.alphacast.core.options.gex.GammaExposure;
import com.alphacast.core.options.gex.GexConvention;
import com.alphacast.core.settings.InstrumentSettings;
import com.alphacast.core.settings.VolumeSpikeSettings;
import com.alphacast.core.settings.WorkerSettings;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketStateTest {

    private static final VolumeSpikeSettings BARS = new VolumeSpikeSettings(60, 10, 2.0, 1.5, 2, 6, 2.0, 1, 1);
    private static final ChainAnalytics CHAINS =
            new ChainAnalytics(new GammaExposure(GexConvention.DEFAULT), UnusualOptionsActivity.DEFAULT);

    private static InstrumentSettings instrument(String symbol, boolean chain) {
        return new InstrumentSettings(symbol, symbol, 0.01, 1, List.of("replay"), DepthProtocol.SPOT, 21, 0.01,
                500, 50, 5, 252 * 390, 0.10, 0.25, chain);
    }

    private static List<TradeRow> trades(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file)) {
            return new TradeCsvReader("ES").read(in, file.toString());
        }
    }

    @Test
    void badPrintsNeverReachTheBars() throws Exception {
        List<MarketAnalytics> closes = new ArrayList<>();
        List<Double> lows = new ArrayList<>();
        MarketState state = new MarketState(new WorkerSettings(List.of(instrument("ES", false)), 16, 30), BARS,
                CHAINS, (view, nanos) -> {
                    closes.add(view.analytics());
                    lows.add(view.lastBar().low());
                });
        state.onFeedHealth("replay", "ES", FeedHealth.LIVE, 0, "test");
        for (TradeRow row : trades(TestData.file("trades/es_ticks_with_bad_prints.csv"))) {
            state.onTrade("ES", row.trade().epochMillis() * 1_000_000L, 0, 0, row.trade().price(),
                    row.trade().size(), Aggressor.UNKNOWN);
        }
        state.finish(0);

        // the file opens with 1205 and 1005 in a 1304 market
        assertThat(lows).isNotEmpty().allSatisfy(low -> assertThat(low).isGreaterThan(1290));
        assertThat(state.view("ES").rejectedPrints()).isGreaterThanOrEqualTo(2);
        assertThat(closes.get(closes.size() - 1).rejectedPrints()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anUnderlyingWithAChainCarriesGexZeroGammaAndWalls() {
        MarketState state = new MarketState(new WorkerSettings(List.of(instrument("SPY", true)), 16, 30), BARS,
                CHAINS, (view, nanos) -> { });
        OptionChain latest = SpyChain.load().chain();
        state.onOptionChain("SPY", 0, 0, latest);

        // the chain itself is kept too: options strategies pick and price their contracts from it
        assertThat(state.view("SPY").optionChain()).containsSame(latest);
        ChainSummary chain = state.view("SPY").chain().orElseThrow();
        // the conventions' worked example: net −3.9178 bn, zero gamma 668.50
        assertThat(chain.netGex()).isCloseTo(-3.9178e9, within(0.0001e9));
        assertThat(chain.zeroGamma()).isCloseTo(668.50, within(0.01));
        assertThat(chain.callWall()).isPositive();
        assertThat(chain.putWall()).isPositive();
        assertThat(chain.unusualContracts()).isPositive();
    }

    @Test
    void aChainForAnInstrumentWithoutChainAnalyticsIsCountedAndDropped() {
        MarketState state = new MarketState(new WorkerSettings(List.of(instrument("SPY", false)), 16, 30), BARS,
                CHAINS, (view, nanos) -> { });
        state.onOptionChain("SPY", 0, 0, SpyChain.load().chain());
        state.onTrade("QQQ", 0, 0, 0, 500, 1, Aggressor.BUY);

        assertThat(state.view("SPY").chain()).isEmpty();
        assertThat(state.view("SPY").optionChain()).isEmpty();
        assertThat(state.ignoredChains()).isEqualTo(1);
        assertThat(state.unknownInstrumentEvents()).isEqualTo(1);
    }

    @Test
    void crossedOrNonFiniteQuotesAreCountedAndTheLastGoodQuoteKept() {
        MarketState state = new MarketState(new WorkerSettings(List.of(instrument("BTCUSDT", false)), 16, 30), BARS,
                CHAINS, (view, nanos) -> { });
        state.onTopOfBook("BTCUSDT", 0, 0, 100.0, 3.0, 100.5, 1.0);
        state.onTopOfBook("BTCUSDT", 0, 0, 101.0, 3.0, 100.5, 1.0);
        state.onTopOfBook("BTCUSDT", 0, 0, Double.NaN, 3.0, 100.5, 1.0);
        state.onTopOfBook("BTCUSDT", 0, 0, 100.0, 0.0, 100.5, 1.0);

        MarketView view = state.view("BTCUSDT");
        assertThat(state.rejectedQuotes()).isEqualTo(3);
        assertThat(view.orderBookImbalance()).isEqualTo(0.5);
        assertThat(view.microprice()).isEqualTo((100.5 * 3 + 100.0 * 1) / 4);
        assertThat(view.spread()).isEqualTo(0.5);
    }

    @Test
    void returnsOfTwoInstrumentsAreCorrelatedOnceTheirBarsAlign() {
        MarketState state = new MarketState(new WorkerSettings(
                List.of(instrument("A", false), instrument("B", false)), 16, 5), BARS, CHAINS, (view, nanos) -> { });
        double[] prices = {100, 101, 100.5, 102, 101, 103, 102.5, 104, 103};
        for (int minute = 0; minute < prices.length; minute++) {
            long nanos = minute * 60_000_000_000L;
            for (int i = 0; i < 25; i++) { // fill the bad-print filter's warm-up with the same level
                state.onTrade("A", nanos + i, 0, 0, prices[minute], 1, Aggressor.UNKNOWN);
                state.onTrade("B", nanos + i, 0, 0, prices[minute] * 2, 1, Aggressor.UNKNOWN);
            }
        }
        state.finish(0);
        assertThat(state.view("A").correlationWith("B")).isCloseTo(1.0, within(1e-9));
    }

    private static void trade(MarketState state, long second, double price) {
        state.onTrade("BTC", second * 1_000_000_000L, 0, -1, price, 1, Aggressor.UNKNOWN);
    }

    /** The bad-print filter holds its first window of prints back: fill it inside bar 0. */
    private static void warmUp(MarketState state) {
        for (int k = 0; k < 21; k++) {
            trade(state, 0, 100);
        }
    }

    @Test
    void barsBuiltAcrossAStalePeriodAreHandedOutStaleAndSoIsTheBarOpenedByTheFirstTradeAfterIt() {
        List<FeedHealth> atClose = new ArrayList<>();
        MarketState state = new MarketState(new WorkerSettings(List.of(instrument("BTC", false)), 16, 30), BARS,
                CHAINS, (view, nanos) -> atClose.add(view.health()));
        state.onFeedHealth("a", "BTC", FeedHealth.LIVE, 0, "test");
        warmUp(state);
        trade(state, 61, 100);      // closes bar 0 (whole)
        trade(state, 62, 100);
        state.onFeedHealth("a", "BTC", FeedHealth.STALE, 0, "silent"); // the rest of bar 60 is missing
        state.onFeedHealth("b", "BTC", FeedHealth.LIVE, 0, "backup live");
        trade(state, 150, 100);     // closes bar 60 (torn); opens bar 120 mid-way: its start was missed
        trade(state, 185, 100);     // closes bar 120 (torn: it began during the outage)
        trade(state, 245, 100);     // closes bar 180 (whole: opened by a trade while LIVE)
        assertThat(atClose).containsExactly(FeedHealth.LIVE, FeedHealth.STALE, FeedHealth.STALE, FeedHealth.LIVE);
        assertThat(state.view("BTC").health()).as("outside a torn bar's hand-out").isEqualTo(FeedHealth.LIVE);
    }

    @Test
    void tradesTakenWhileNotLiveTearTheirBar() {
        List<FeedHealth> atClose = new ArrayList<>();
        MarketState state = new MarketState(new WorkerSettings(List.of(instrument("BTC", false)), 16, 30), BARS,
                CHAINS, (view, nanos) -> atClose.add(view.health()));
        state.onFeedHealth("a", "BTC", FeedHealth.LIVE, 0, "test");
        warmUp(state);
        state.onFeedHealth("a", "BTC", FeedHealth.STALE, 0, "resynchronising");
        trade(state, 70, 100);      // closes bar 0 (torn by the STALE report); joins bar 60 while STALE
        state.onFeedHealth("a", "BTC", FeedHealth.LIVE, 0, "rebuilt");
        trade(state, 80, 100);
        trade(state, 130, 100);     // closes bar 60 (torn)
        trade(state, 190, 100);     // closes bar 120 (whole)
        assertThat(atClose).containsExactly(FeedHealth.STALE, FeedHealth.STALE, FeedHealth.LIVE);
    }

    @Test
    void theBookFollowsTheRulesOfTheStreamFeedingItWhenAFailoverChangesMarket() {
        MarketState state = new MarketState(new WorkerSettings(List.of(instrument("BTC", false)), 16, 30), BARS,
                CHAINS, (view, nanos) -> { });
        state.onFeedHealth("spot", "BTC", FeedHealth.LIVE, 0, "test");
        state.onDepthSnapshot("BTC", 0, new com.alphacast.core.book.DepthSnapshot("BTC", 100,
                new double[] {99}, new double[] {1}, new double[] {101}, new double[] {1}));
        state.onDepthUpdate("BTC", 0, 0, com.alphacast.core.book.DepthUpdate.of("BTC", 0, 101, 102, -1,
                new double[] {99.5}, new double[] {2}, new double[0], new double[0]));
        assertThat(state.view("BTC").spread()).isEqualTo(1.5);
        // the futures backup takes over: its snapshot first, then events chained on pu (spot rules would see gaps)
        state.onDepthSnapshot("BTC", 0, new com.alphacast.core.book.DepthSnapshot("BTC", 5_000,
                new double[] {98}, new double[] {1}, new double[] {100}, new double[] {1}));
        state.onDepthUpdate("BTC", 0, 0, com.alphacast.core.book.DepthUpdate.of("BTC", 0, 4_990, 5_010, 4_980,
                new double[] {98.5}, new double[] {1}, new double[0], new double[0]));
        state.onDepthUpdate("BTC", 0, 0, com.alphacast.core.book.DepthUpdate.of("BTC", 0, 5_020, 5_030, 5_010,
                new double[] {99}, new double[] {1}, new double[0], new double[0]));
        assertThat(state.view("BTC").health()).isEqualTo(FeedHealth.LIVE);
        assertThat(state.view("BTC").spread()).isEqualTo(1.0);
    }
}
