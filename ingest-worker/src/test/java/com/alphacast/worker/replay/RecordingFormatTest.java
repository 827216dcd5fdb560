package com.alphacast.worker.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RecordingFormatTest {

    private static final Path TESTDATA = Path.of(System.getProperty("alphacast.testdata"));

    @Test
    void detectsEachRecordedFormatFromTheFile() {
        assertThat(RecordingFormat.of(TESTDATA.resolve("lean/equity/usa/tick/spy/20131007_trade.zip")))
                .isEqualTo(RecordingFormat.LEAN_ZIP);
        assertThat(RecordingFormat.of(TESTDATA.resolve("lean/equity/usa/second/spy/20131007_quote.zip")))
                .isEqualTo(RecordingFormat.LEAN_ZIP);
        assertThat(RecordingFormat.of(TESTDATA.resolve("orderbook/binance_spot_stream.capture")))
                .isEqualTo(RecordingFormat.BINANCE_CAPTURE);
        assertThat(RecordingFormat.of(TESTDATA.resolve("trades/es_ticks_with_bad_prints.csv")))
                .isEqualTo(RecordingFormat.TRADES_CSV);
    }

    @Test
    void refusesAZipThatIsNotLeanEquityData() {
        Path daily = TESTDATA.resolve("daily/lean_spy_daily.zip");
        assertThatThrownBy(() -> RecordingFormat.of(daily))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(daily.toString())
                .hasMessageContaining("without a Lean equity CSV");
    }
}
