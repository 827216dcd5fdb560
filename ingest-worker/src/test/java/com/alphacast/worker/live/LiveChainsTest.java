package com.alphacast.worker.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.aws.config.SettingsLoader;
import com.alphacast.core.book.DepthProtocol;
import com.alphacast.core.feed.cboe.CboeQuoteDataParser;
import com.alphacast.core.market.ChainSummary;
import com.alphacast.core.options.activity.UnusualOptionsActivity;
import com.alphacast.core.options.gex.GammaExposure;
import com.alphacast.core.options.gex.GexConvention;
import com.alphacast.core.settings.ChainSourceSettings;
import com.alphacast.core.settings.InstrumentSettings;
import com.alphacast.core.settings.WorkerSettings;
import com.alphacast.core.state.ChainAnalytics;
import com.alphacast.core.state.MarketState;
import com.alphacast.feeds.supervisor.FeedSupervisor;
import com.alphacast.feeds.supervisor.InMemoryOperatorAlerts;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The live wiring starts the CBOE poller for an instrument with a chain source, beside its failover route. */
class LiveChainsTest {

    private static final Path ROOT = Path.of(System.getProperty("alphacast.project.root", ".."));
    private static final ChainAnalytics CHAINS =
            new ChainAnalytics(new GammaExposure(GexConvention.DEFAULT), UnusualOptionsActivity.DEFAULT);
    /** Thursday 2025-09-25, 11:00 New York: a session is open. */
    private static final Clock IN_SESSION = Clock.fixed(Instant.parse("2025-09-25T15:00:00Z"), ZoneOffset.UTC);

    private static WorkerSettings worker(InstrumentSettings instrument) {
        return new WorkerSettings(List.of(instrument), 64, 30, Duration.ofSeconds(30), Duration.ofSeconds(1));
    }

    private static InstrumentSettings btc() {
        return new InstrumentSettings("BTCUSDT", "BTCUSDT", 0.01, 0.00001, List.of("binance-spot"),
                DepthProtocol.SPOT, 21, 0.01, 1000, 50, 30, 525_600, 0.3, 0.8, false);
    }

    @Test
    void pollsTheChainFromCboeUrlIntoTheMarketStateWhileTheTradeSourceIsDown() throws Exception {
        byte[] json = Files.readAllBytes(ROOT.resolve("testdata/options/derived/spy_delayed_quotes_2025-09-25.json"));
        AtomicInteger requests = new AtomicInteger();
        HttpServer cdn = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        cdn.createContext("/options/", exchange -> {
            requests.incrementAndGet();
            int status = exchange.getRequestURI().getPath().equals("/options/SPY.json") ? 200 : 404;
            exchange.sendResponseHeaders(status, status == 200 ? json.length : -1);
            try (OutputStream out = exchange.getResponseBody()) {
                if (status == 200) {
                    out.write(json);
                }
            }
        });
        cdn.start();
        String port = String.valueOf(cdn.getAddress().getPort());
        // no Binance venue answers here: the chain must not depend on the trade source
        Map<String, String> env = Map.of("CBOE_URL", "http://127.0.0.1:" + port + "/options",
                "BINANCE_SPOT_WS_URL", "ws://127.0.0.1:9", "BINANCE_SPOT_REST_URL", "http://127.0.0.1:9");
        WorkerSettings worker = worker(btc().withChain(new ChainSourceSettings("cboe", "SPY", Duration.ofSeconds(15))));
        MarketState state = new MarketState(worker,
                new SettingsLoader(Optional.of(ROOT.resolve("config"))).load("demo").volumeSpike(), CHAINS,
                (view, receiveNanos) -> { });
        LiveFeeds feeds = new LiveFeeds(env, HttpClient.newHttpClient(), IN_SESSION);
        try (FeedSupervisor supervisor = feeds.supervisor(worker, new InMemoryOperatorAlerts())) {
            supervisor.start(state);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (state.view("BTCUSDT").chain().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } finally {
            cdn.stop(0);
        }
        ChainSummary expected;
        try (Reader r = Files.newBufferedReader(ROOT.resolve("testdata/options/spy_quotedata_2025-09-25.csv"))) {
            expected = CHAINS.summarize(new CboeQuoteDataParser().parse(r, "spy.csv").chain());
        }
        assertThat(state.view("BTCUSDT").chain()).contains(expected);
        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    void aBadCboeUrlIsRefusedNamingTheVariable() {
        WorkerSettings worker = worker(btc().withChain(new ChainSourceSettings("cboe", "SPY", Duration.ofSeconds(15))));
        LiveFeeds feeds = new LiveFeeds(Map.of("CBOE_URL", "ftp://example.com/"), HttpClient.newHttpClient(),
                IN_SESSION);
        assertThatThrownBy(() -> feeds.supervisor(worker, new InMemoryOperatorAlerts()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CBOE_URL");
    }
}
