package com.alphacast.core.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SignalTest {

    private static Signal withInstrument(String instrument) {
        Instant at = Instant.parse("2011-07-31T22:10:00Z");
        return new Signal("volume-spike:ESU1:" + at, "volume-spike", "ES", instrument, Direction.SHORT, 1303.5, 1305.0,
                1300.5, 1, 0.66, "volume 3x", at, at);
    }

    @Test
    void putsLevelsOnTheTickExactlyAsDecimalArithmeticDoes() {
        double[] tickSizes = {0.25, 0.01, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 5, 10, 0.0001, 0.00001, 1e-8, 0.005, 0.03125,
                0.015625, 0.001, 0.07, 0.125, 2.5, 0.0025, 1.0 / 3, 0x1p-40};
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 200_000; i++) {
            double tickSize = i % 4 == 0 ? random.nextInt(1, 100_000) / Math.pow(10, random.nextInt(0, 10))
                    : tickSizes[random.nextInt(tickSizes.length)];
            double tickCount = Math.rint(random.nextDouble() * Math.pow(10, random.nextInt(0, 17)));
            double expected = BigDecimal.valueOf(tickCount).multiply(BigDecimal.valueOf(tickSize)).doubleValue();
            assertThat(Signal.onTick(tickCount, tickSize)).as("%s ticks of %s", tickCount, tickSize)
                    .isEqualTo(expected);
        }
        assertThat(Signal.onTick(5221, 0.25)).isEqualTo(1305.25);
        assertThat(Signal.onTick(2.5, 0.25)).isEqualTo(0.625);
        assertThat(Signal.onTick(130_525, 0.01)).isEqualTo(1305.25);
    }

    @Test
    void rejectsAnInstrumentLongerThanAnyContractSymbolNamingItsLength() {
        withInstrument("x".repeat(Signal.MAX_NAME_LENGTH));

        assertThatThrownBy(() -> withInstrument("x".repeat(Signal.MAX_NAME_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("instrument must be at most 512 characters, was 513");
    }

    private static Signal institutional(Direction direction, double entry, double stop, double target) {
        Instant at = Instant.parse("2011-07-31T22:31:00Z");
        return new Signal("institutional-flow:ES:" + at, "institutional-flow", "ES", "ES", direction, entry, stop,
                target, 1, 0.7, "order-flow pressure", at, at);
    }

    @Test
    void tradesOnTheConfiguredContractWithTheStopRoundedAwayAndTheTargetTowardsTheEntry() {
        Signal traded = institutional(Direction.SHORT, 1304.375, 1305.105, 1302.915).tradedAs("ESU1", 0.25);

        assertThat(traded.instrument()).isEqualTo("ESU1");
        assertThat(traded.underlying()).isEqualTo("ES");
        assertThat(traded.id()).isEqualTo("institutional-flow:ES:2011-07-31T22:31:00Z");
        assertThat(traded.entry()).isEqualTo(1304.5); // rint: a half tick goes to the even tick count
        assertThat(traded.stop()).isEqualTo(1305.25);
        assertThat(traded.target()).isEqualTo(1303.0);
    }

    @Test
    void aLongsLevelsRoundDownAndALevelLandingOnTheEntryMovesOneTickOut() {
        Signal traded = institutional(Direction.LONG, 1304.0, 1303.9, 1304.1).tradedAs("ESU1", 0.25);

        assertThat(traded.entry()).isEqualTo(1304.0);
        assertThat(traded.stop()).isEqualTo(1303.75);
        assertThat(traded.target()).isEqualTo(1304.25);
    }

    @Test
    void aSignalAlreadyOnItsContractAndTickIsReturnedAsItIs() {
        Signal onTick = withInstrument("ESU1");

        assertThat(onTick.tradedAs("ESU1", 0.25)).isSameAs(onTick);
    }

    @Test
    void refusesATickThatIsNotAPositivePriceStep() {
        assertThatThrownBy(() -> withInstrument("ESU1").tradedAs("ESU1", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tickSize must be a positive finite price step, was 0.0");
    }
}
