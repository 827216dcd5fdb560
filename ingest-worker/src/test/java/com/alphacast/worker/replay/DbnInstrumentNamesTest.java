package com.alphacast.worker.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.book.DepthProtocol;
import com.alphacast.core.settings.InstrumentSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class DbnInstrumentNamesTest {

    private static InstrumentSettings instrument(String key, String instrument) {
        return new InstrumentSettings(key, instrument, 0.25, 1, List.of("replay"), DepthProtocol.SPOT, 21, 0.01,
                500, 50, 5, 252 * 390, 0.10, 0.25, false);
    }

    @Test
    void namesTheContractByTheInstrumentThatTradesItThenByKeyThenByFuturesRoot() {
        DbnInstrumentNames names = new DbnInstrumentNames(List.of(
                instrument("NQ", "NQZ4"), instrument("ESH1", "ESH1"), instrument("ES", "ESU1"), instrument("CL", "CL")));
        assertThat(names.apply("NQZ4")).isEqualTo("NQ");
        assertThat(names.apply("ESH1")).isEqualTo("ESH1");
        assertThat(names.apply("ESM1")).isEqualTo("ES");
        assertThat(names.apply("CLF25")).isEqualTo("CL");
        assertThat(names.apply("NQH5")).isEqualTo("NQ"); // another NQ contract: its root is a key
    }

    @Test
    void leavesAnUnconfiguredSymbolAsItIs() {
        DbnInstrumentNames names = new DbnInstrumentNames(List.of(instrument("ES", "ESU1")));
        assertThat(names.apply("AAPL")).isEqualTo("AAPL");
        assertThat(names.apply("ZNH1")).isEqualTo("ZNH1");
    }
}
