package com.alphacast.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.market.Bar;
import com.alphacast.core.options.OccSymbol;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.signal.Direction;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OneDteMomentumStrategyTest {

    // On Tuesday 2025-09-30 the recorded chain's nearest expiry (Wednesday 2025-10-01) is the next day's.
    private static final LocalDate DAY = LocalDate.of(2025, 9, 30);
    private final OneDteMomentumStrategy strategy =
            new OneDteMomentumStrategy(SpySession.NYSE, StrategyParameters.defaults("1dte"));

    private Optional<Candidate> at(LocalTime end, double open, double close, double imbalance) {
        OptionChain chain = SpySession.chainAt(DAY, end);
        Bar bar = SpySession.view(DAY, end, open, close, 2.5, chain).lastBar();
        return strategy.evaluate(new StrategyContext(BarView.flow(bar, 2.5, imbalance, Double.NaN),
                Optional.of(chain), bar.end().plusMillis(200)));
    }

    @Test
    void buysTheNextDaysCallOnARallyClosingAtItsHighInTheLastHour() {
        Candidate candidate = at(LocalTime.of(15, 30), 657.05, 658.05, 0.3).orElseThrow();

        assertThat(candidate.signal().direction()).isEqualTo(Direction.LONG);
        assertThat(candidate.contract()).contains(OccSymbol.parse("SPY251001C00658000"));
        assertThat(candidate.signal().rationale()).contains("LONG into the close");
    }

    @Test
    void staysOutBeforeTheLastHour() {
        assertThat(at(LocalTime.of(14, 30), 657.05, 658.05, 0.3)).isEmpty();
    }

    @Test
    void staysOutWhenTheBookLeansAgainstTheMove() {
        assertThat(at(LocalTime.of(15, 30), 657.05, 658.05, -0.3)).isEmpty();
    }
}
