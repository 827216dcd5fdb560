package com.alphacast.feeds.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.core.book.DepthProtocol;
import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.feed.cboe.CboeQuoteData;
import com.alphacast.core.fixtures.TestData;
import com.alphacast.feeds.fixtures.RecordingListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CboeChainReplayTest {

    static final Path CSV = TestData.file("options/spy_quotedata_2025-09-25.csv");
    static final Path JSON = TestData.file("options/derived/spy_delayed_quotes_2025-09-25.json");

    @Test
    void readsTheCsvExportAndTheJsonOfOneChainToTheSameContracts() {
        CboeQuoteData csv = CboeChainReplay.read(CSV);
        CboeQuoteData json = CboeChainReplay.read(JSON);
        assertThat(csv.chain().underlying()).isEqualTo("SPY");
        assertThat(json.chain().underlying()).isEqualTo("SPY");
        assertThat(json.chain().contracts()).containsExactlyElementsOf(csv.chain().contracts());
        assertThat(json.chain().spot()).isEqualTo(csv.chain().spot());
    }

    @Test
    void deliversTheChainToEveryInstrumentThatFollowsIt() throws InterruptedException {
        RecordingListener listener = new RecordingListener(DepthProtocol.SPOT);
        try (CboeChainReplay replay = new CboeChainReplay("chain", CboeChainReplay.read(JSON), List.of("ES", "SPY"))) {
            replay.start(listener);
            assertThat(replay.awaitEnd(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(listener.chains()).hasSize(2);
        assertThat(listener.chains().get(0).contracts()).hasSize(3716);
    }

    @Test
    void aFileThatIsNotAChainIsRefusedNamingFileLineAndColumn() {
        Path trades = TestData.esSession();
        assertThatThrownBy(() -> CboeChainReplay.read(trades))
                .isInstanceOf(InputFormatException.class)
                .hasMessageContaining("es_trades_2011-07-31.csv:");
        Path capture = TestData.file("orderbook/hftbacktest_binance_spot_btcusdt_20240808.gz");
        assertThatThrownBy(() -> CboeChainReplay.read(capture))
                .isInstanceOf(InputFormatException.class)
                .hasMessageContaining("hftbacktest_binance_spot_btcusdt_20240808.gz:1:");
    }
}
