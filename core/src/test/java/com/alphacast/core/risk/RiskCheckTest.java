package com.alphacast.core.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RiskCheckTest {

    private static final Instant NOW = Instant.parse("2011-08-01T02:30:00Z");
    private final RiskCheck check = new RiskCheck(new RiskLimits(2, 5, 3, 1.5, 60));

    private static Signal signal(int quantity, double target) {
        return new Signal("s1", "volume-spike", "ES", "ESU1", Direction.LONG, 1300.0, 1298.5, target, quantity, 0.7,
                "test", NOW.minusSeconds(5), NOW.minusSeconds(5));
    }

    private static RiskState state(boolean halted, int open, int today) {
        return new RiskState(halted ? new KillSwitch(true, "fed day", "ops", NOW) : KillSwitch.released(), open, today);
    }

    @Test
    void approvesSignalWithinEveryLimit() {
        RiskDecision decision = check.evaluate(signal(1, 1303.0), state(false, 1, 4), NOW);
        assertThat(decision.approved()).isTrue();
        assertThat(decision.reasons()).isEmpty();
    }

    @Test
    void rejectsSignalWhenMaxOpenPositionsReached() {
        RiskDecision decision = check.evaluate(signal(1, 1303.0), state(false, 2, 0), NOW);
        assertThat(decision.approved()).isFalse();
        assertThat(decision.reasons()).containsExactly("max open positions reached (2 of 2)");
    }

    @Test
    void rejectsSignalWhenDailySignalLimitHit() {
        RiskDecision decision = check.evaluate(signal(1, 1303.0), state(false, 0, 5), NOW);
        assertThat(decision.reasons()).containsExactly("daily signal limit reached (5 of 5)");
    }

    @Test
    void rejectsEverythingWhileKillSwitchEngagedAndReportsEveryReason() {
        RiskDecision decision = check.evaluate(signal(4, 1301.0), state(true, 2, 5), NOW);
        assertThat(decision.approved()).isFalse();
        assertThat(decision.reasons()).hasSize(5)
                .contains("kill switch engaged by ops: fed day", "quantity 4 exceeds max 3",
                        "reward/risk 0.67 below minimum 1.50");
    }

    @Test
    void rejectsStaleSignal() {
        RiskDecision decision = check.evaluate(signal(1, 1303.0), state(false, 0, 0), NOW.plusSeconds(120));
        assertThat(decision.reasons()).singleElement().asString().startsWith("signal is stale: 125 s old");
    }

    @Test
    void rejectsASignalFromTheFutureInsteadOfCallingItFresh() {
        Signal from2100 = new Signal("s2", "volume-spike", "ES", "ESU1", Direction.LONG, 1300.0, 1298.5, 1303.0, 1, 0.7,
                "test", Instant.parse("2100-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z"));
        RiskDecision decision = check.evaluate(from2100, state(false, 0, 0), NOW);
        assertThat(decision.approved()).isFalse();
        assertThat(decision.reasons()).singleElement().asString()
                .startsWith("signal is from the future: observed 2100-01-01T00:00:00Z")
                .contains("tolerance 5 s of clock skew");
    }

    @Test
    void acceptsASignalAheadOfTheClockByLessThanTheSkewTolerance() {
        RiskDecision decision = check.evaluate(signal(1, 1303.0), state(false, 0, 0),
                NOW.minusSeconds(5).minus(RiskCheck.MAX_CLOCK_SKEW));
        assertThat(decision.approved()).isTrue();
        RiskDecision beyond = check.evaluate(signal(1, 1303.0), state(false, 0, 0),
                NOW.minusSeconds(6).minus(RiskCheck.MAX_CLOCK_SKEW));
        assertThat(beyond.approved()).isFalse();
    }
}
