package com.alphacast.feeds.keyed;

import com.alphacast.feeds.alpaca.AlpacaFeedSource;
import com.alphacast.feeds.binance.ReconnectBackoff;
import com.alphacast.feeds.fixtures.EventLog;
import com.alphacast.feeds.loopback.LoopbackQuoteServer;
import com.alphacast.feeds.loopback.LoopbackWebSocketServer;
import com.alphacast.feeds.massive.MassiveFeedSource;
import com.alphacast.feeds.supervisor.FeedAlert;
import com.alphacast.feeds.supervisor.FeedSupervisor;
import com.alphacast.feeds.supervisor.InMemoryOperatorAlerts;
import com.alphacast.feeds.supervisor.InstrumentRoute;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alpaca and Massive as one instrument's primary and standby under the existing {@link FeedSupervisor}: while Alpaca
 * streams only its trades pass; when it falls silent Massive takes over within the staleness window and operators are
 * told.
 */
class KeyedFailoverTest {

    private static final StreamCredentials KEYS = new StreamCredentials("PKTEST7AKEY", "s3cr3t");

    private static KeyedFeedSettings settings(String name, URI ws, URI rest) {
        return new KeyedFeedSettings(name, List.of("SPY"), ws, rest, KEYS, Duration.ofSeconds(5),
                Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofMillis(800),
                new ReconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(200), 2), Duration.ofSeconds(30));
    }

    private static String alpacaTrade(long id, double price) {
        return "[{\"T\":\"t\",\"S\":\"SPY\",\"i\":" + id + ",\"x\":\"P\",\"p\":" + price + ",\"s\":100,"
                + "\"t\":\"2022-01-03T14:30:" + String.format("%02d", id % 60) + ".000000001Z\",\"c\":[\"@\"],"
                + "\"z\":\"B\"}]";
    }

    private static String massiveTrade(long q, double price) {
        return "[{\"ev\":\"T\",\"sym\":\"SPY\",\"x\":4,\"i\":\"" + q + "\",\"z\":2,\"p\":" + price + ",\"s\":100,"
                + "\"c\":[0],\"t\":" + (1536036818784L + q) + ",\"q\":" + q + "}]";
    }

    @Test
    void massiveTakesOverWhenAlpacaFallsSilent() throws Exception {
        try (LoopbackWebSocketServer alpacaWs = new LoopbackWebSocketServer();
             LoopbackWebSocketServer massiveWs = new LoopbackWebSocketServer();
             LoopbackQuoteServer rest = LoopbackQuoteServer.unavailable()) {
            HttpClient http = HttpClient.newHttpClient();
            AlpacaFeedSource alpaca = new AlpacaFeedSource(settings("alpaca", alpacaWs.base(), rest.base()), http,
                    Clock.systemUTC(), new Random(1));
            MassiveFeedSource massive = new MassiveFeedSource(settings("massive", massiveWs.base(), rest.base()), http,
                    Clock.systemUTC(), new Random(2));
            InMemoryOperatorAlerts alerts = new InMemoryOperatorAlerts();
            EventLog log = new EventLog();
            try (FeedSupervisor supervisor = new FeedSupervisor(List.of(alpaca, massive),
                    List.of(new InstrumentRoute("SPY", List.of("alpaca", "massive"), Duration.ofSeconds(30))),
                    Duration.ofMillis(800), alerts, () -> System.currentTimeMillis() * 1_000_000L)) {
                supervisor.start(log);
                LoopbackWebSocketServer.Connection a = alpacaWs.awaitConnection(Duration.ofSeconds(5));
                a.sendTextNow("[{\"T\":\"success\",\"msg\":\"connected\"}]");
                a.awaitText(Duration.ofSeconds(5));
                a.sendTextNow("[{\"T\":\"success\",\"msg\":\"authenticated\"}]");
                a.awaitText(Duration.ofSeconds(5));
                a.sendTextNow("[{\"T\":\"subscription\",\"trades\":[\"SPY\"],\"quotes\":[\"SPY\"]}]");
                LoopbackWebSocketServer.Connection m = massiveWs.awaitConnection(Duration.ofSeconds(5));
                m.sendTextNow("[{\"ev\":\"status\",\"status\":\"connected\",\"message\":\"Connected Successfully\"}]");
                m.awaitText(Duration.ofSeconds(5));
                m.sendTextNow("[{\"ev\":\"status\",\"status\":\"auth_success\",\"message\":\"authenticated\"}]");
                m.awaitText(Duration.ofSeconds(5));
                m.sendTextNow("[{\"ev\":\"status\",\"status\":\"success\",\"message\":\"subscribed to: T.SPY\"}]");

                a.sendTextNow(alpacaTrade(1, 100.01)); // the primary is live first (else Massive would lead until
                long live = System.nanoTime() + Duration.ofSeconds(10).toNanos(); // the 30 s hold-down gave it back)
                while (log.events().isEmpty() && System.nanoTime() < live) {
                    Thread.sleep(10);
                }
                for (int i = 2; i <= 10; i++) { // both stream; Alpaca is the primary
                    a.sendTextNow(alpacaTrade(i, 100.01));
                    m.sendTextNow(massiveTrade(i, 200.02));
                    Thread.sleep(50);
                }
                assertThat(log.events()).hasSize(10).allMatch(e -> e.contains(" 100.01 x "));
                int beforeSilence = log.events().size();
                long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                int q = 10;
                while (log.events().stream().noneMatch(e -> e.contains(" 200.02 x "))) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("Massive never took over; alerts " + alerts.alerts());
                    }
                    m.sendTextNow(massiveTrade(++q, 200.02)); // Alpaca says nothing any more
                    Thread.sleep(50);
                }
                List<String> afterSilence = log.events().subList(beforeSilence, log.events().size());
                assertThat(afterSilence).as("no Alpaca trade was sent after it fell silent")
                        .allMatch(e -> e.contains(" 200.02 x "));
                assertThat(alerts.alerts()).anySatisfy(alert -> {
                    assertThat(alert.kind()).isEqualTo(FeedAlert.Kind.FAILOVER);
                    assertThat(alert.fromSource()).isEqualTo("alpaca");
                    assertThat(alert.toSource()).isEqualTo("massive");
                });
            }
        }
    }
}
