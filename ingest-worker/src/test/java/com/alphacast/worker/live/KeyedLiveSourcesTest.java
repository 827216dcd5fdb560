package com.alphacast.worker.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.core.book.DepthProtocol;
import com.alphacast.core.book.DepthSnapshot;
import com.alphacast.core.book.DepthUpdate;
import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.marketdata.MarketEventListener;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.settings.InstrumentSettings;
import com.alphacast.core.settings.WorkerSettings;
import com.alphacast.feeds.supervisor.FeedSupervisor;
import com.alphacast.feeds.supervisor.InMemoryOperatorAlerts;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The keyed US equities sources in the worker's configuration: credentials from the environment, stream overrides. */
class KeyedLiveSourcesTest {

    private static WorkerSettings worker(List<String> sources) {
        InstrumentSettings spy = new InstrumentSettings("SPY", "SPY", 0.01, 1, sources, DepthProtocol.SPOT, 21, 0.01,
                500, 50, 30, 252 * 390, 0.10, 0.25, false);
        return new WorkerSettings(List.of(spy), 64, 30, Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    private static LiveFeeds feeds(Map<String, String> environment) {
        return new LiveFeeds(environment, HttpClient.newHttpClient(), Clock.systemUTC());
    }

    @Test
    void alpacaWithoutItsSecretStopsTheStartNamingTheVariableAndTheInstrument() {
        LiveFeeds feeds = feeds(Map.of("APCA_API_KEY_ID", "PKTEST"));
        assertThatThrownBy(() -> feeds.supervisor(worker(List.of("alpaca", "massive")), new InMemoryOperatorAlerts()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("worker.instruments.SPY.sources")
                .hasMessageContaining("'alpaca' needs the environment variable APCA_API_SECRET_KEY")
                .hasMessageNotContaining("PKTEST");
    }

    @Test
    void massiveWithoutItsKeyStopsTheStartNamingTheVariableAndTheInstrument() {
        LiveFeeds feeds = feeds(Map.of("APCA_API_KEY_ID", "PKTEST", "APCA_API_SECRET_KEY", "secret"));
        assertThatThrownBy(() -> feeds.supervisor(worker(List.of("alpaca", "massive")), new InMemoryOperatorAlerts()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("worker.instruments.SPY.sources: 'massive' needs the environment variable "
                        + "MASSIVE_API_KEY");
    }

    @Test
    void unknownSourceNamesListTheKeyedSourcesAmongTheKnownOnes() {
        assertThatThrownBy(() -> feeds(Map.of()).supervisor(worker(List.of("polygon")), new InMemoryOperatorAlerts()))
                .hasMessageContaining("'polygon' is not a live source")
                .hasMessageContaining("alpaca")
                .hasMessageContaining("massive");
    }

    @Test
    void alpacaAndMassiveConnectToTheStreamsTheEnvironmentNames() throws Exception {
        try (ServerSocket alpaca = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             ServerSocket massive = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Map<String, String> env = new HashMap<>();
            env.put("APCA_API_KEY_ID", "PKTEST");
            env.put("APCA_API_SECRET_KEY", "secret");
            env.put("MASSIVE_API_KEY", "mkey");
            env.put("ALPACA_WS_URL", "ws://127.0.0.1:" + alpaca.getLocalPort() + "/v2/test");
            env.put("MASSIVE_WS_URL", "ws://127.0.0.1:" + massive.getLocalPort() + "/stocks");
            alpaca.setSoTimeout(10_000);
            massive.setSoTimeout(10_000);
            try (FeedSupervisor supervisor = feeds(env).supervisor(worker(List.of("alpaca", "massive")),
                    new InMemoryOperatorAlerts())) {
                supervisor.start(new Silent());
                assertThat(requestLine(alpaca)).isEqualTo("GET /v2/test HTTP/1.1");
                assertThat(requestLine(massive)).isEqualTo("GET /stocks HTTP/1.1");
            }
        }
    }

    /** The first line of the WebSocket opening handshake a client sends to {@code server}. */
    private static String requestLine(ServerSocket server) throws Exception {
        try (Socket client = server.accept()) {
            return new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    /** A consumer that takes events and ignores them: this test is about where the sources connect. */
    private static final class Silent implements MarketEventListener {
        @Override
        public void onTrade(String instrument, long exchangeNanos, long receiveNanos, long tradeId, double price,
                            double size, Aggressor aggressor) {
        }

        @Override
        public void onTopOfBook(String instrument, long exchangeNanos, long receiveNanos, double bidPrice,
                                double bidSize, double askPrice, double askSize) {
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
        }
    }
}
