package com.alphacast.worker.live;

import com.alphacast.core.marketdata.FeedStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.aws.config.SettingsLoader;
import com.alphacast.core.book.DepthProtocol;
import com.alphacast.core.calendar.Exchange;
import com.alphacast.core.calendar.ShippedCalendars;
import com.alphacast.core.feed.binance.BinanceMessage;
import com.alphacast.core.fixtures.TestData;
import com.alphacast.core.market.MarketSnapshot;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.options.activity.UnusualOptionsActivity;
import com.alphacast.core.options.gex.GammaExposure;
import com.alphacast.core.options.gex.GexConvention;
import com.alphacast.core.settings.AlphacastSettings;
import com.alphacast.core.settings.InstrumentSettings;
import com.alphacast.core.settings.VolumeSpikeSettings;
import com.alphacast.core.settings.WorkerSettings;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.state.ChainAnalytics;
import com.alphacast.core.strategy.RejectedSignal;
import com.alphacast.core.strategy.StrategyCatalog;
import com.alphacast.feeds.binance.BinanceFeedSource;
import com.alphacast.feeds.loopback.CaptureExchange;
import com.alphacast.feeds.loopback.LoopbackDepthServer;
import com.alphacast.feeds.loopback.LoopbackWebSocketServer;
import com.alphacast.feeds.supervisor.FeedAlert;
import com.alphacast.feeds.supervisor.InMemoryOperatorAlerts;
import com.alphacast.worker.LiveSession;
import com.alphacast.worker.io.OutboundWrites;
import com.alphacast.worker.pipeline.InstrumentDesks;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The worker's live path end to end: {@link LiveSession} with the real {@link LiveFeeds} wiring, its two Binance
 * sources pointed (BINANCE_*_WS_URL / _REST_URL) at loopback venues replaying the copied BTCUSDT captures of
 * 2024-08-08, spot as the primary and USD-M futures as the backup, merged by the recorder's receive time and paced at
 * {@value #SPEED}× the recorded pace. The primary stops sending 100 s into the capture and comes back at 190 s.
 */
class LiveFailoverTest {

    private static final Path ROOT = Path.of(System.getProperty("alphacast.project.root", ".."));
    private static final String SPOT = "orderbook/hftbacktest_binance_spot_btcusdt_20240808.gz";
    private static final String USDM = "orderbook/hftbacktest_binance_usdm_btcusdt_20240808.gz";
    private static final String BTC = "BTCUSDT";
    private static final double SPEED = 30;
    private static final Duration STALENESS = Duration.ofMillis(1_000);
    private static final Duration FAILBACK = Duration.ofSeconds(1);
    private static final long PRIMARY_STOPS_AT = Duration.ofSeconds(100).toNanos();
    private static final long PRIMARY_RESUMES_AT = Duration.ofSeconds(190).toNanos();
    private static final int BAR_SECONDS = 5;

    private final List<MarketSnapshot> snapshots = Collections.synchronizedList(new ArrayList<>());
    private final List<Signal> signals = Collections.synchronizedList(new ArrayList<>());
    private final List<RejectedSignal> rejections = Collections.synchronizedList(new ArrayList<>());

    private static AlphacastSettings settings() {
        AlphacastSettings s = new SettingsLoader(Optional.of(ROOT.resolve("config"))).load("demo");
        InstrumentSettings btc = new InstrumentSettings(BTC, BTC, 0.01, 0.00001,
                List.of(LiveFeeds.BINANCE_SPOT, LiveFeeds.BINANCE_FUTURES), DepthProtocol.SPOT, 21, 0.01, 1000, 50,
                30, 525_600, 0.3, 0.8, false);
        // 5-second bars and a loose spike rule, so the 6 minutes yield signals on both sides of the outage
        VolumeSpikeSettings spikes = new VolumeSpikeSettings(BAR_SECONDS, 5, 1.0, 0.0, 1, 100, 2.0, 1, 0);
        return new AlphacastSettings(s.profile(), s.source(), s.market(), s.replay(), spikes, s.risk(), s.broker(),
                s.distribution(), s.subscriptions(), new WorkerSettings(List.of(btc), 4096, 30, STALENESS, FAILBACK));
    }

    @Test
    void failsOverWithinTheStalenessWindowSignalsNothingFromTheStalePeriodAndTakesThePrimaryBack() throws Exception {
        CaptureExchange spot = CaptureExchange.load(TestData.file(SPOT), DepthProtocol.SPOT);
        CaptureExchange usdm = CaptureExchange.load(TestData.file(USDM), DepthProtocol.FUTURES);
        InMemoryOperatorAlerts alerts = new InMemoryOperatorAlerts();
        long stoppedAtMillis;
        long resumedAtMillis;
        long lastPrimaryTradeMillis = 0;
        List<FeedAlert> raised; // before the session closes (closing the sources silences the instrument)
        List<FeedStatus> statuses;
        try (LoopbackWebSocketServer spotWs = new LoopbackWebSocketServer();
             LoopbackDepthServer spotRest = new LoopbackDepthServer(spot::snapshotJson);
             LoopbackWebSocketServer usdmWs = new LoopbackWebSocketServer();
             LoopbackDepthServer usdmRest = new LoopbackDepthServer(usdm::snapshotJson);
             OutboundWrites writes = new OutboundWrites(4096, 100, 1, snapshots::addAll, signals::addAll,
                     rejections::addAll, chains -> { throw new AssertionError("no chain in a crypto session"); })) {
            Map<String, String> env = Map.of(
                    "BINANCE_SPOT_WS_URL", spotWs.base().toString(), "BINANCE_SPOT_REST_URL", spotRest.base().toString(),
                    "BINANCE_FUTURES_WS_URL", usdmWs.base().toString(),
                    "BINANCE_FUTURES_REST_URL", usdmRest.base().toString());
            LiveFeeds feeds = new LiveFeeds(env, HttpClient.newHttpClient(), Clock.systemUTC());
            AlphacastSettings settings = settings();
            // the volume spike alone (no strategy profile), as the production profile runs it
            InstrumentDesks desks = new InstrumentDesks(settings, Optional.empty(), new StrategyCatalog(
                    new ShippedCalendars().calendar(Exchange.XNYS), new GammaExposure(GexConvention.DEFAULT)));
            LiveSession session = new LiveSession(settings, writes,
                    new ChainAnalytics(new GammaExposure(GexConvention.DEFAULT), UnusualOptionsActivity.DEFAULT),
                    feeds, alerts, desks);
            try (LiveSession.Running running = session.start()) {
                BinanceFeedSource primary = (BinanceFeedSource) running.supervisor().sources().get(0);
                assertThat(primary.name()).isEqualTo(LiveFeeds.BINANCE_SPOT);
                LoopbackWebSocketServer.Connection spotC = spotWs.awaitConnection(Duration.ofSeconds(5));
                LoopbackWebSocketServer.Connection usdmC = usdmWs.awaitConnection(Duration.ofSeconds(5));
                assertThat(spotC.target()).isEqualTo("/stream?streams=btcusdt@depth@100ms/btcusdt@trade/btcusdt@bookTicker");

                long t0 = Math.min(spot.receivedNanos(0), usdm.receivedNanos(0));
                long wall0 = System.nanoTime();
                int i = 0;
                int j = 0;
                long primarySent = 0;
                boolean stopped = false;
                boolean resumed = false;
                stoppedAtMillis = 0;
                resumedAtMillis = 0;
                while (i < spot.size() || j < usdm.size()) {
                    boolean fromSpot = j >= usdm.size()
                            || (i < spot.size() && spot.receivedNanos(i) <= usdm.receivedNanos(j));
                    long offset = (fromSpot ? spot.receivedNanos(i) : usdm.receivedNanos(j)) - t0;
                    long due = wall0 + (long) (offset / SPEED);
                    long wait = due - System.nanoTime();
                    if (wait > 1_000_000) { // pacing the venue, not an assertion: push what is buffered and wait
                        spotC.flush();
                        usdmC.flush();
                        Thread.sleep(wait / 1_000_000);
                    }
                    if (!fromSpot) {
                        usdm.advanceTo(j);
                        usdmC.sendText(usdm.frame(j++));
                        continue;
                    }
                    if (!stopped && offset >= PRIMARY_STOPS_AT) {
                        spotC.flush();
                        await("the worker LIVE on the primary before it stops", Duration.ofSeconds(10),
                                () -> last(alerts, BTC).filter(st -> st.health() == FeedHealth.LIVE
                                        && st.source().equals(LiveFeeds.BINANCE_SPOT)).isPresent());
                        long sent = primarySent;
                        await("the primary took every frame sent", Duration.ofSeconds(10),
                                () -> frames(primary) >= sent);
                        stopped = true;
                        stoppedAtMillis = System.currentTimeMillis();
                    }
                    if (stopped && !resumed && offset < PRIMARY_RESUMES_AT) {
                        spot.advanceTo(i++); // the venue moves on; the primary's connection hears nothing
                        continue;
                    }
                    if (stopped && !resumed) {
                        resumed = true;
                        resumedAtMillis = System.currentTimeMillis();
                    }
                    spot.advanceTo(i);
                    if (!stopped && spot.message(i) instanceof BinanceMessage.AggTrade t) {
                        lastPrimaryTradeMillis = t.tradeTimeMillis();
                    }
                    spotC.sendText(spot.frame(i++));
                    primarySent++;
                }
                spotC.flush();
                usdmC.flush();
                await("the primary taken back and LIVE", Duration.ofSeconds(10), () -> alerts.alerts().stream()
                        .anyMatch(a -> a.kind() == FeedAlert.Kind.TAKEN_BACK)
                        && last(alerts, BTC).filter(st -> st.health() == FeedHealth.LIVE
                        && st.source().equals(LiveFeeds.BINANCE_SPOT)).isPresent());
                raised = alerts.alerts();
                statuses = alerts.statuses();
            }
        }

        // the supervisor declared the primary stale within the window (plus one check and scheduling slack)
        long stopped = stoppedAtMillis;
        FeedAlert failover = raised.stream().filter(a -> a.kind() == FeedAlert.Kind.FAILOVER
                        && a.atNanos() / 1_000_000 >= stopped).findFirst()
                .orElseThrow(() -> new AssertionError("no failover; alerts " + raised));
        assertThat(failover.fromSource()).isEqualTo(LiveFeeds.BINANCE_SPOT);
        assertThat(failover.toSource()).isEqualTo(LiveFeeds.BINANCE_FUTURES);
        // The silence as measured by whoever saw it first (the source per symbol, or the supervisor), from the
        // primary's last event: on a loaded machine this thread may stop sending well after the last frame was taken.
        Matcher silence = Pattern.compile("no (?:event|message) for (\\d+) ms")
                .matcher(failover.reason());
        assertThat(silence.find()).as("failover reason names the silence: %s", failover.reason()).isTrue();
        long silentFor = Long.parseLong(silence.group(1));
        assertThat(silentFor).as("failover after %d ms without an event from the primary", silentFor)
                .isGreaterThan(STALENESS.toMillis())
                .isLessThanOrEqualTo(STALENESS.toMillis() + 1_000);

        // the worker was told STALE from the failover until the backup's book was rebuilt, then the reverse on take-back
        assertThat(statuses).extracting(st -> st.health() + " " + st.source()).containsSubsequence(
                "LIVE binance-spot", "STALE binance-futures", "LIVE binance-futures", "STALE binance-spot",
                "LIVE binance-spot");
        FeedStatus staleAtFailover = statuses.stream().filter(st -> st.sinceNanos() >= failover.atNanos())
                .findFirst().orElseThrow();
        assertThat(staleAtFailover.source()).isEqualTo(LiveFeeds.BINANCE_FUTURES);
        assertThat(staleAtFailover.health()).isEqualTo(FeedHealth.STALE);
        FeedStatus backupLive = statuses.stream().filter(st -> st.sinceNanos() >= failover.atNanos()
                && st.health() == FeedHealth.LIVE).findFirst().orElseThrow();
        assertThat(backupLive.source()).isEqualTo(LiveFeeds.BINANCE_FUTURES);
        assertThat(staleAtFailover.sinceNanos()).isEqualTo(failover.atNanos());

        // taken back only after the recovered primary stayed live for the hold-down
        // (the backup may be active first at start: spot waits for its snapshot's place in the stream)
        List<FeedAlert> fromFailover = raised.subList(raised.indexOf(failover), raised.size());
        FeedAlert takenBack = fromFailover.stream().filter(a -> a.kind() == FeedAlert.Kind.TAKEN_BACK)
                .findFirst().orElseThrow();
        assertThat(takenBack.toSource()).isEqualTo(LiveFeeds.BINANCE_SPOT);
        assertThat(takenBack.atNanos() / 1_000_000 - resumedAtMillis).isGreaterThanOrEqualTo(FAILBACK.toMillis());
        assertThat(fromFailover).extracting(FeedAlert::kind).as("a live backup was there all along")
                .containsSubsequence(FeedAlert.Kind.FAILOVER, FeedAlert.Kind.TAKEN_BACK)
                .doesNotContain(FeedAlert.Kind.SILENCED);

        // no signal and no LIVE bar from the stale period
        List<Signal> emitted = List.copyOf(signals);
        List<MarketSnapshot> bars = List.copyOf(snapshots);
        long stopMillis = lastPrimaryTradeMillis;
        long stoppedAt = stoppedAtMillis;
        MarketSnapshot lastPrimaryBar = bars.stream()
                .filter(b -> b.bar().startMillis() <= stopMillis && stopMillis < b.bar().endMillis()).findFirst()
                .orElseThrow(() -> new AssertionError("no bar holds the primary's last trade"));
        assertThat(lastPrimaryBar.analytics().health()).as("the bar the outage cut short").isNotEqualTo(FeedHealth.LIVE);
        MarketSnapshot firstLiveAfter = bars.stream().filter(b -> b.bar().endMillis() > stopMillis
                && b.analytics().health() == FeedHealth.LIVE).findFirst().orElseThrow();
        assertThat(firstLiveAfter.observedAt().toEpochMilli()).as("first LIVE bar after the outage")
                .isGreaterThanOrEqualTo(backupLive.sinceNanos() / 1_000_000);
        Instant staleFrom = Instant.ofEpochMilli(lastPrimaryBar.bar().startMillis());
        Instant staleTo = firstLiveAfter.bar().start();
        assertThat(emitted).as("signals before the outage").anyMatch(s -> s.marketTime().isBefore(staleFrom));
        assertThat(emitted).as("signals after the outage").anyMatch(s -> s.marketTime().isAfter(staleTo));
        assertThat(emitted).as("no signal from a bar in the stale period [%s, %s]", staleFrom, staleTo)
                .noneMatch(s -> s.marketTime().isAfter(staleFrom) && !s.marketTime().isAfter(staleTo));
        assertThat(emitted).as("no signal observed between the primary stopping and the backup going LIVE")
                .noneMatch(s -> s.observedAt().toEpochMilli() >= stoppedAt
                        && s.observedAt().toEpochMilli() < backupLive.sinceNanos() / 1_000_000);
        for (Signal s : emitted) {
            assertThat(bars).as("signal %s comes from a LIVE bar", s.id())
                    .anyMatch(b -> b.bar().end().equals(s.marketTime()) && b.analytics().health() == FeedHealth.LIVE);
        }
        System.out.printf("live failover: %d bars, %d signals, failover after %d ms of silence, stale bars %s..%s, alerts %s%n",
                bars.size(), emitted.size(), silentFor, staleFrom, staleTo,
                raised.stream().map(FeedAlert::kind).toList());
    }

    private static Optional<FeedStatus> last(InMemoryOperatorAlerts alerts, String instrument) {
        List<FeedStatus> all = alerts.statuses();
        for (int k = all.size() - 1; k >= 0; k--) {
            if (all.get(k).instrument().equals(instrument)) {
                return Optional.of(all.get(k));
            }
        }
        return Optional.empty();
    }

    private static long frames(BinanceFeedSource source) {
        try {
            return source.onFeedThread(() -> source.session().quality().frames());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }
}
