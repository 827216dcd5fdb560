package com.alphacast.core.options;

import com.alphacast.core.fixtures.SpyChain;
import com.alphacast.core.fixtures.TestData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OccSymbolTest {

    @Test
    void spyCallsAreCallsAlthoughSpyContainsP() {
        OccSymbol call = OccSymbol.parse("SPY251001C00500000");
        assertThat(call.right()).isEqualTo(OptionRight.CALL);
        assertThat(call.root()).isEqualTo("SPY");
        assertThat(call.expiry()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(call.strike()).isEqualByComparingTo("500");
        assertThat(OccSymbol.parse("SPY251001P00500000").right()).isEqualTo(OptionRight.PUT);
    }

    @Test
    void parsesRootsOfOneToSixCharactersInPaddedAndCompactForm() {
        assertThat(OccSymbol.parse("SPXW  251003C06500000").root()).isEqualTo("SPXW");
        assertThat(OccSymbol.parse("SPXW251003P06500000").strike()).isEqualByComparingTo("6500");
        assertThat(OccSymbol.parse("F     260116C00012500").strike()).isEqualByComparingTo("12.5");
        assertThat(OccSymbol.parse("F260116C00012500").root()).isEqualTo("F");
        assertThat(OccSymbol.parse("GOOGL1251017P00150000").root()).isEqualTo("GOOGL1");
        assertThat(OccSymbol.parse("PPLT  251017P00001500").strike()).isEqualByComparingTo("1.5");
        OccSymbol s = new OccSymbol("PYPL", LocalDate.of(2030, 12, 20), OptionRight.CALL, new BigDecimal("72.125"));
        assertThat(s.padded()).isEqualTo("PYPL  301220C00072125");
        assertThat(OccSymbol.parse(s.padded())).isEqualTo(s);
        assertThat(OccSymbol.parse(s.compact())).isEqualTo(s);
    }

    @Test
    void rejectsMalformedSymbolsWithAReason() {
        assertThatThrownBy(() -> OccSymbol.parse("SPY251001X00500000")).hasMessageContaining("right must be C or P");
        assertThatThrownBy(() -> OccSymbol.parse("SPY251301C00500000")).hasMessageContaining("not a date");
        assertThatThrownBy(() -> OccSymbol.parse("SPY2510C00500000")).hasMessageContaining("YYMMDD");
        assertThatThrownBy(() -> OccSymbol.parse("251001C00500000")).hasMessageContaining("16-21");
        assertThatThrownBy(() -> OccSymbol.parse("TOOLONG251001C00500000")).hasMessageContaining("16-21");
        assertThatThrownBy(() -> OccSymbol.parse("SPY251001C0050000A")).hasMessageContaining("8 digits");
        assertThatThrownBy(() -> OccSymbol.parse("sp y251001C00500000")).hasMessageContaining("root");
    }

    @Test
    void everySymbolOfTheRealSpyChainRoundTrips() throws IOException {
        List<String> lines = Files.readAllLines(TestData.file(SpyChain.FILE));
        int checked = 0;
        for (String line : lines) {
            String[] f = line.split(",");
            if (f.length < 22 || !f[1].startsWith("SPY")) {
                continue;
            }
            for (int i : new int[] {1, 12}) {
                OccSymbol symbol = OccSymbol.parse(f[i]);
                assertThat(symbol.compact()).isEqualTo(f[i]);
                assertThat(OccSymbol.parse(symbol.padded())).isEqualTo(symbol);
                assertThat(symbol.right()).isEqualTo(i == 1 ? OptionRight.CALL : OptionRight.PUT);
                assertThat(symbol.strikeValue()).isEqualTo(Double.parseDouble(f[11]));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(2 * 1858);
    }
}
