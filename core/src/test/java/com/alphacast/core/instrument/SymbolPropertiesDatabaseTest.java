package com.alphacast.core.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SymbolPropertiesDatabaseTest {

    private static final SymbolPropertiesDatabase LEAN = SymbolPropertiesDatabase.bundled();

    @Test
    void bundledDatabaseGivesEsFiftyDollarsPerPointInQuarterTicks() {
        SymbolProperties es = LEAN.get("cme", "ES", SecurityType.FUTURE);
        assertThat(es.contractMultiplier()).isEqualByComparingTo("50");
        assertThat(es.minimumPriceVariation()).isEqualByComparingTo("0.25");
        assertThat(es.profit(4.0, 2)).isEqualTo(400.0);
        assertThat(es.roundToTick(4512.37)).isEqualTo(4512.25);
        assertThat(es.roundToTick(4512.38)).isEqualTo(4512.50);
    }

    @Test
    void equityOptionFallsBackToTheUsaWildcardRow() {
        SymbolProperties spyOption = LEAN.get("usa", "SPY", SecurityType.OPTION);
        assertThat(spyOption.symbol()).isEqualTo("[*]");
        assertThat(spyOption.multiplier()).isEqualTo(100.0);
        assertThat(spyOption.tickSize()).isEqualTo(0.01);
        assertThat(LEAN.get("usa", "SPXW", SecurityType.INDEXOPTION).tickSize()).isEqualTo(0.05);
        assertThat(LEAN.get("usa", "SPY", SecurityType.EQUITY).multiplier()).isEqualTo(1.0);
    }

    @Test
    void sizesMicroFuturesByTheirOwnMultiplier() {
        SymbolProperties mes = LEAN.get("cme", "MES", SecurityType.FUTURE);
        assertThat(mes.multiplier()).isEqualTo(5.0);
        // $500 at risk with a 10-point stop: 500 / (10 × 5) = 10 MES but 500 / (10 × 50) = 1 ES
        assertThat(mes.contractsWithinRisk(500, 10)).isEqualTo(10);
        assertThat(LEAN.get("cme", "ES", SecurityType.FUTURE).contractsWithinRisk(500, 10)).isEqualTo(1);
        assertThat(LEAN.get("cme", "ES", SecurityType.FUTURE).contractsWithinRisk(499, 10)).isZero();
    }

    @Test
    void unknownSymbolWithoutDefaultNamesWhatWasAsked() {
        assertThat(LEAN.find("cme", "NOPE", SecurityType.FUTURE)).isEmpty();
        assertThatThrownBy(() -> LEAN.get("cme", "NOPE", SecurityType.FUTURE))
                .hasMessageContaining("cme,NOPE,future");
    }

    @Test
    void keepsTheFirstRowOfASymbolListedTwiceAsLeanDoes() throws Exception {
        SymbolPropertiesDatabase db = SymbolPropertiesDatabase.parse(new StringReader(
                SymbolPropertiesDatabase.HEADER + "\n# comment\n\ncme,ES,future,,USD,50,0.25,1\ncme,ES,future,,USD,5,1,1\n"),
                "t.csv");
        assertThat(db.get("cme", "ES", SecurityType.FUTURE).contractMultiplier()).isEqualTo(new BigDecimal("50"));
    }

    @Test
    void rejectsMalformedRowsWithTheirLineNumber() {
        assertThatThrownBy(() -> parse("cme,ES,future,,USD,fifty,0.25,1")).hasMessageContaining("t.csv: line 2")
                .hasMessageContaining("contract_multiplier is not a number");
        assertThatThrownBy(() -> parse("cme,ES,future,,USD,50,0,1")).hasMessageContaining("line 2")
                .hasMessageContaining("minimum price variation must be positive");
        assertThatThrownBy(() -> parse("cme,ES,future,,USD,50")).hasMessageContaining("has 6 columns");
        assertThatThrownBy(() -> parse("cme,ES,bond,,USD,50,0.25,1")).hasMessageContaining("unknown security type 'bond'");
        assertThatThrownBy(() -> parse("cme,ES,future,,USD,50,0.25,1,,x")).hasMessageContaining("minimum_order_size");
        assertThatThrownBy(() -> SymbolPropertiesDatabase.parse(new StringReader("market,symbol\n"), "t.csv"))
                .hasMessageContaining("line 1 must be the header");
    }

    private static SymbolPropertiesDatabase parse(String row) throws Exception {
        return SymbolPropertiesDatabase.parse(new StringReader(SymbolPropertiesDatabase.HEADER + "\n" + row + "\n"), "t.csv");
    }
}
