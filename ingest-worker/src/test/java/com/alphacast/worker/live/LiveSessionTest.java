package com.alphacast.worker.live;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.aws.config.SettingsLoader;
import com.alphacast.core.book.DepthProtocol;
import com.alphacast.core.settings.AlphacastSettings;
import com.alphacast.core.settings.InstrumentSettings;
import com.alphacast.core.settings.WorkerSettings;
import com.alphacast.feeds.supervisor.InMemoryOperatorAlerts;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LiveSessionTest {

    private static final Path ROOT = Path.of(System.getProperty("alphacast.project.root", ".."));

    private static AlphacastSettings liveSettings(List<String> sources) {
        AlphacastSettings s = new SettingsLoader(Optional.of(ROOT.resolve("config"))).load("demo");
        InstrumentSettings btc = new InstrumentSettings("BTCUSDT", "BTCUSDT", 0.01, 0.00001, sources,
                DepthProtocol.SPOT, 21, 0.01, 1000, 50, 30, 525_600, 0.3, 0.8, false);
        return new AlphacastSettings(s.profile(), s.source(), s.market(), s.replay(), s.volumeSpike(), s.risk(),
                s.broker(), s.distribution(), s.subscriptions(),
                new WorkerSettings(List.of(btc), 64, 30, Duration.ofSeconds(30), Duration.ofSeconds(1)));
    }

    @Test
    void rejectsASourceNameThatIsNotALiveSourceNamingTheInstrument() {
        LiveFeeds feeds = new LiveFeeds(Map.of(), HttpClient.newHttpClient(), Clock.systemUTC());
        assertThatThrownBy(() -> feeds.supervisor(liveSettings(List.of("replay")).worker(),
                new InMemoryOperatorAlerts()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("worker.instruments.BTCUSDT.sources")
                .hasMessageContaining("'replay'");
    }
}
