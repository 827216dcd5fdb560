package com.alphacast.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.broker.options.OptionFillRules;
import com.alphacast.core.broker.options.OptionPaperBroker;
import com.alphacast.core.broker.options.OptionPositionExits;
import com.alphacast.core.instrument.SecurityType;
import com.alphacast.core.instrument.SymbolProperties;
import com.alphacast.core.instrument.SymbolPropertiesDatabase;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.options.OptionContract;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.OptionLeg;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.ExitReason;
import com.alphacast.core.trading.Fill;
import com.alphacast.core.trading.Order;
import com.alphacast.core.trading.Position;
import com.alphacast.core.trading.PositionExit;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An options strategy on the real CBOE SPY chain (export of 2025-09-25, its nearest expiry 2025-10-01 traded as
 * 0DTE on that session): the desk's signal names the contract with premium levels, the paper broker buys it at the
 * chain's ask plus slippage, and the position is closed from the chain's bid at the 0DTE cutoff.
 */
class OptionsSignalOnTheRecordedChainTest {

    private static final LocalDate EXPIRY_DAY = LocalDate.of(2025, 10, 1);
    private static final SymbolProperties OPTION = SymbolPropertiesDatabase.bundled()
            .get("usa", "SPY", SecurityType.OPTION);
    private static final OptionFillRules RULES = new OptionFillRules(1, 0.10, 100, 15);

    @Test
    void zeroDteGammaBuysThePutAtTheAskAndTheCutoffClosesItAtTheBid() throws Exception {
        OptionChain chain = SpySession.chainAt(EXPIRY_DAY, LocalTime.of(14, 0));
        StrategyDesk desk = new StrategyDesk(List.of(
                new ZeroDteGammaStrategy(SpySession.NYSE, StrategyParameters.defaults(ZeroDteGammaStrategy.NAME))),
                new ConflictResolver(Duration.ofMinutes(15), List.of(ZeroDteGammaStrategy.NAME)));

        Signal signal = desk.onBarClosed(SpySession.context(
                SpySession.view(EXPIRY_DAY, LocalTime.of(14, 0), 658.80, 658.05, 3.5, chain), chain))
                .accepted().get(0).signal();

        // the signal: SHORT the underlying at its levels, trading the at-the-money 0DTE put bought at the ask
        OptionLeg leg = signal.option().orElseThrow();
        OptionContract put = chain.contracts().stream().filter(c -> c.symbol().equals(leg.contract()))
                .findFirst().orElseThrow();
        assertThat(signal.direction()).isEqualTo(Direction.SHORT);
        assertThat(leg.contract().compact()).isEqualTo("SPY251001P00658000");
        assertThat(leg.entry()).isEqualTo(put.ask());
        assertThat(leg.stop()).isLessThan(leg.entry());
        assertThat(leg.target()).isGreaterThan(leg.entry());

        OptionPaperBroker broker = new OptionPaperBroker((underlying, time) -> Optional.of(chain), RULES,
                symbol -> OPTION);
        Order order = new Order(signal.id(), leg.contract().compact(), Direction.LONG, signal.quantity(),
                signal.observedAt(), broker.name());
        Fill fill = broker.submit(order, signal);

        assertThat(fill.price()).isEqualTo(Math.round((put.ask() + 0.01) * 100) / 100.0); // ask + one tick
        Position position = new Position(signal.id(), "SPY", fill.instrument(), Direction.LONG, fill.quantity(),
                fill.price(), leg.stop(), leg.target(), fill.time());

        // the same quotes later that afternoon: neither premium level is reached, so the 0DTE cutoff (15 minutes
        // before the 16:00 close) takes the position out at the bid less a tick
        OptionPositionExits exits = new OptionPositionExits(broker, RULES, SpySession.NYSE);
        OptionChain beforeCutoff = SpySession.chainAt(EXPIRY_DAY, LocalTime.of(15, 44));
        OptionChain atCutoff = SpySession.chainAt(EXPIRY_DAY, LocalTime.of(15, 45));
        assertThat(exits.exitAt(position, beforeCutoff, beforeCutoff.asOfTime().toInstant())).isEmpty();
        PositionExit exit = exits.exitAt(position, atCutoff, atCutoff.asOfTime().toInstant()).orElseThrow();

        assertThat(exit.reason()).isEqualTo(ExitReason.EXPIRY_CUTOFF);
        assertThat(exit.price()).isEqualTo(Math.round((put.bid() - 0.01) * 100) / 100.0);
        assertThat(exit.time()).isEqualTo(ZonedDateTime.of(EXPIRY_DAY, LocalTime.of(15, 45), SpySession.NEW_YORK)
                .toInstant());
    }
}
