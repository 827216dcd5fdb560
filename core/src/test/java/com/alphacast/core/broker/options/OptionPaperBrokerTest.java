package com.alphacast.core.broker.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.alphacast.core.broker.BrokerException;
import com.alphacast.core.calendar.Exchange;
import com.alphacast.core.calendar.ShippedCalendars;
import com.alphacast.core.fixtures.SpyChain;
import com.alphacast.core.instrument.SecurityType;
import com.alphacast.core.instrument.SymbolProperties;
import com.alphacast.core.instrument.SymbolPropertiesDatabase;
import com.alphacast.core.options.OccSymbol;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.ExitReason;
import com.alphacast.core.trading.Fill;
import com.alphacast.core.trading.Order;
import com.alphacast.core.trading.Position;
import com.alphacast.core.trading.PositionExit;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Paper option fills and exits on the real CBOE SPY chain of 2025-09-25 (spot 658.05). */
class OptionPaperBrokerTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final OptionChain SPY = SpyChain.load().chain();
    private static final SymbolProperties OPTION = SymbolPropertiesDatabase.bundled()
            .get("usa", "SPY", SecurityType.OPTION);
    private static final OptionFillRules RULES = new OptionFillRules(1, 0.10, 100, 15);

    private final OptionPaperBroker broker = new OptionPaperBroker(
            (underlying, time) -> Optional.of(SPY), RULES, symbol -> OPTION);

    @Test
    void buysTheCallAtTheAskPlusOneTickOfSlippage() throws Exception {
        // SPY251001C00660000: bid 3.19, ask 3.22, OI 1176
        Fill fill = broker.submit(order("SPY251001C00660000", Direction.LONG), signal("SPY251001C00660000", 3.22));
        assertThat(fill.price()).isEqualTo(3.23);
        assertThat(fill.instrument()).isEqualTo("SPY251001C00660000");
    }

    @Test
    void sellsThePutAtTheBidMinusSlippage() throws Exception {
        // SPY251001P00660000: bid 4.62, ask 4.65, OI 4013
        Fill fill = broker.submit(order("SPY251001P00660000", Direction.SHORT), shortSignal("SPY251001P00660000"));
        assertThat(fill.price()).isEqualTo(4.61);
    }

    @Test
    void refusesContractWithTooLittleOpenInterestSayingSo() {
        // SPY251001C00658000: bid 4.29, ask 4.31 (tight), but OI only 186
        assertThatThrownBy(() -> new OptionPaperBroker((u, t) -> Optional.of(SPY),
                new OptionFillRules(0, 0.10, 500, 15), s -> OPTION)
                .submit(order("SPY251001C00658000", Direction.LONG), signal("SPY251001C00658000", 4.31)))
                .isInstanceOf(BrokerException.class)
                .hasMessageContaining("open interest 186 is under the 500 minimum");
    }

    @Test
    void refusesWideSpreadSayingHowWide() {
        // SPY251001C00500000: bid 157.10, ask 159.91 is 1.8 % of the mid; OI is 0 too but the spread is checked first
        assertThatThrownBy(() -> new OptionPaperBroker((u, t) -> Optional.of(SPY),
                new OptionFillRules(0, 0.01, 0, 15), s -> OPTION)
                .submit(order("SPY251001C00500000", Direction.LONG), signal("SPY251001C00500000", 159.91)))
                .hasMessageContaining("spread 157.1000-159.9100 is 1.8% of the mid, over the 1.0% limit");
    }

    @Test
    void refusesOneSidedQuoteAndUnknownContract() {
        // SPY251001P00500000: bid 0, ask 0.01
        assertThatThrownBy(() -> broker.submit(order("SPY251001P00500000", Direction.LONG),
                signal("SPY251001P00500000", 0.01))).hasMessageContaining("not quoted on both sides");
        assertThatThrownBy(() -> broker.submit(order("SPY251001C00661500", Direction.LONG),
                signal("SPY251001C00661500", 3.0))).hasMessageContaining("is not in the");
    }

    @Test
    void closesLongCallAtTheBidWhenThePremiumReachesTarget() {
        OptionPositionExits exits = exits();
        Position position = new Position("s1", "SPY", "SPY251001C00660000", Direction.LONG, 2, 3.23, 2.50, 3.10,
                at(2025, 9, 25, 10, 0));
        Optional<PositionExit> exit = exits.exitAt(position, SPY, at(2025, 9, 25, 21, 5));
        // bid 3.19 >= target 3.10: sold at the bid minus one tick
        assertThat(exit).hasValueSatisfying(e -> {
            assertThat(e.reason()).isEqualTo(ExitReason.TARGET);
            assertThat(e.price()).isEqualTo(3.18);
        });
        assertThat(position.realizedPnl(exit.get(), OPTION.multiplier())).isCloseTo(-10.0, within(1e-9));
    }

    @Test
    void closesZeroDtePositionFifteenMinutesBeforeTheCloseWhateverThePremium() {
        OptionPositionExits exits = exits();
        OptionChain expiryDay = SPY.withAsOf(LocalDate.of(2025, 10, 1));
        Position position = new Position("s2", "SPY", "SPY251001C00660000", Direction.LONG, 1, 3.23, 1.00, 9.00,
                at(2025, 10, 1, 9, 45));
        assertThat(exits.expiryCutoff(OccSymbol.parse(position.instrument())))
                .contains(at(2025, 10, 1, 15, 45));
        assertThat(exits.exitAt(position, expiryDay, at(2025, 10, 1, 15, 44))).isEmpty();
        assertThat(exits.exitAt(position, expiryDay, at(2025, 10, 1, 15, 45))).hasValueSatisfying(e -> {
            assertThat(e.reason()).isEqualTo(ExitReason.EXPIRY_CUTOFF);
            assertThat(e.price()).isEqualTo(3.18);
        });
    }

    @Test
    void closesZeroDteLongAsWorthlessAtTheCutoffWhenNobodyBids() {
        OptionChain expiryDay = SPY.withAsOf(LocalDate.of(2025, 10, 1));
        // the 700 call: bid 0, ask 0.01 in the recorded chain
        Position position = new Position("s4", "SPY", "SPY251001C00700000", Direction.LONG, 1, 0.02, 0.01, 0.10,
                at(2025, 10, 1, 9, 45));
        assertThat(exits().exitAt(position, expiryDay, at(2025, 10, 1, 15, 44))).isEmpty();
        assertThat(exits().exitAt(position, expiryDay, at(2025, 10, 1, 15, 45))).hasValueSatisfying(e -> {
            assertThat(e.reason()).isEqualTo(ExitReason.EXPIRY_CUTOFF);
            assertThat(e.price()).isZero();
        });
    }

    @Test
    void refusesToInventAPriceAtTheCutoffForAContractTheChainDoesNotQuote() {
        OptionChain expiryDay = SPY.withAsOf(LocalDate.of(2025, 10, 1));
        Position position = new Position("s5", "SPY", "SPY251001C00999000", Direction.LONG, 1, 1.00, 0.50, 2.00,
                at(2025, 10, 1, 9, 45));
        assertThat(exits().exitAt(position, expiryDay, at(2025, 10, 1, 15, 44))).isEmpty();
        assertThatThrownBy(() -> exits().exitAt(position, expiryDay, at(2025, 10, 1, 15, 45)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SPY251001C00999000").hasMessageContaining("no quote to close at");
    }

    @Test
    void stopsShortPutWhenTheAskRisesToTheStop() {
        Position shortPut = new Position("s3", "SPY", "SPY251001P00660000", Direction.SHORT, 1, 4.00, 4.60, 3.00,
                at(2025, 9, 25, 10, 0));
        // ask 4.65 >= stop 4.60: bought back at the ask plus one tick
        assertThat(exits().exitAt(shortPut, SPY, at(2025, 9, 25, 21, 5))).hasValueSatisfying(e -> {
            assertThat(e.reason()).isEqualTo(ExitReason.STOP);
            assertThat(e.price()).isEqualTo(4.66);
        });
    }

    private OptionPositionExits exits() {
        return new OptionPositionExits(broker, RULES, new ShippedCalendars().calendar(Exchange.XNYS));
    }

    private static Instant at(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, NEW_YORK).toInstant();
    }

    private static Order order(String occ, Direction side) {
        return new Order("sig-" + occ, occ, side, 1, at(2025, 9, 25, 21, 5), "paper-options");
    }

    private static Signal signal(String occ, double entry) {
        return new Signal("sig-" + occ, "test-double", "SPY", occ, Direction.LONG, entry, entry * 0.5, entry * 1.5, 1,
                0.6, "", at(2025, 9, 25, 21, 5), at(2025, 9, 25, 21, 5));
    }

    private static Signal shortSignal(String occ) {
        return new Signal("sig-" + occ, "test-double", "SPY", occ, Direction.SHORT, 4.62, 6.0, 3.0, 1,
                0.6, "", at(2025, 9, 25, 21, 5), at(2025, 9, 25, 21, 5));
    }
}
