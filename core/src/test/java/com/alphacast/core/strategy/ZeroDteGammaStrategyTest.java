package com.alphacast.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.alphacast.core.market.ChainSummary;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.options.OccSymbol;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.signal.Direction;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ZeroDteGammaStrategyTest {

    // The recorded chain's nearest expiry is 2025-10-01: on that session its contracts are 0DTE.
    private static final LocalDate EXPIRY_DAY = LocalDate.of(2025, 10, 1);
    private static final OptionChain CHAIN = SpySession.chainAt(EXPIRY_DAY, LocalTime.of(14, 0));
    private final ZeroDteGammaStrategy strategy =
            new ZeroDteGammaStrategy(SpySession.NYSE, StrategyParameters.defaults(ZeroDteGammaStrategy.NAME));

    @Test
    void shortsADownBarInNegativeGammaTowardThePutWallWithTheAtTheMoneyZeroDtePut() {
        BarView bar = SpySession.view(EXPIRY_DAY, LocalTime.of(14, 0), 658.80, 658.05, 3.5, CHAIN);

        Candidate candidate = strategy.evaluate(SpySession.context(bar, CHAIN)).orElseThrow();

        assertThat(candidate.signal().direction()).isEqualTo(Direction.SHORT);
        assertThat(candidate.signal().target()).isEqualTo(655.0); // the recorded chain's put wall
        assertThat(candidate.signal().stop()).isCloseTo(658.05 * 1.002, within(1e-9));
        assertThat(candidate.contract()).contains(OccSymbol.parse("SPY251001P00658000"));
        assertThat(candidate.signal().rationale()).contains("SPY251001P00658000", "negative gamma");
        assertThat(candidate.rationale().factors()).extracting(Factor::name)
                .containsExactly("negative-gamma", "momentum", "volume", "reward-to-risk");
        assertThat(candidate.confidence()).isEqualTo(candidate.rationale().confidence()).isBetween(0.7, 0.85);
        assertThat(candidate.signal().id()).isEqualTo("0dte-gamma:SPY:2025-10-01T18:00:00Z");
    }

    @Test
    void longsARallyBelowZeroGammaAsASqueezeTargetingZeroGamma() {
        BarView bar = SpySession.view(EXPIRY_DAY, LocalTime.of(14, 0), 657.40, 658.05, 3.5, CHAIN);

        Candidate candidate = strategy.evaluate(SpySession.context(bar, CHAIN)).orElseThrow();

        assertThat(candidate.signal().direction()).isEqualTo(Direction.LONG);
        assertThat(candidate.signal().target()).isEqualTo(SpySession.summary(CHAIN).zeroGamma());
        assertThat(candidate.signal().rationale()).contains("squeeze below zero gamma");
        assertThat(candidate.contract()).contains(OccSymbol.parse("SPY251001C00658000"));
    }

    @Test
    void staysOutBeforeItsWindowOpensHalfAnHourAfterTheOpen() {
        BarView bar = SpySession.view(EXPIRY_DAY, LocalTime.of(9, 59), 658.80, 658.05, 3.5, CHAIN);

        assertThat(strategy.evaluate(SpySession.context(bar, CHAIN))).isEmpty();
    }

    @Test
    void staysOutWhenTheFeedIsNotLiveOrTheBarIsOld() {
        BarView bar = SpySession.view(EXPIRY_DAY, LocalTime.of(14, 0), 658.80, 658.05, 3.5, CHAIN);

        assertThat(strategy.evaluate(SpySession.context(bar.withHealth(FeedHealth.STALE), CHAIN))).isEmpty();
        assertThat(strategy.evaluate(new StrategyContext(bar, Optional.of(CHAIN),
                bar.lastBar().end().plusSeconds(11)))).isEmpty();
    }

    @Test
    void refusesWhenNoZeroDteContractIsLiquidEnough() {
        ZeroDteGammaStrategy strict = new ZeroDteGammaStrategy(SpySession.NYSE,
                new StrategyParameters("test", Map.of("minOpenInterest", "100000")));
        BarView bar = SpySession.view(EXPIRY_DAY, LocalTime.of(14, 0), 658.80, 658.05, 3.5, CHAIN);

        assertThat(strict.evaluate(SpySession.context(bar, CHAIN))).isEmpty();
    }

    @Test
    void staysOutInAPositiveGammaRegime() {
        BarView bar = SpySession.view(EXPIRY_DAY, LocalTime.of(14, 0), 658.80, 658.05, 3.5, CHAIN);
        ChainSummary recorded = bar.chain().orElseThrow();
        ChainSummary positive = new ChainSummary(recorded.asOf(), recorded.spot(), -recorded.netGex(),
                recorded.netDex(), recorded.zeroGamma(), recorded.callWall(), recorded.putWall(),
                recorded.unusualContracts());
        BarView flipped = new BarView("SPY", FeedHealth.LIVE, bar.lastBar(), 0.16, 3.5, Optional.of(positive));

        assertThat(strategy.evaluate(SpySession.context(flipped, CHAIN))).isEmpty();
    }
}
