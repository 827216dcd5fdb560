package com.alphacast.core.risk;

import com.alphacast.core.signal.Signal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a candidate signal may trade. Pure: the caller supplies the state and persists the
 * decision; every applicable reason is reported, not just the first, so operators see the whole picture.
 * A signal observed more than {@link #MAX_CLOCK_SKEW} after the check's clock is refused: its age would be negative,
 * so the staleness limit could never apply (a signal stamped in 2100 would stay fresh for 75 years).
 */
public final class RiskCheck {

    /** How far ahead of this clock a producer's clock may run (NTP keeps hosts well inside a second). */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(5);

    private final RiskLimits limits;

    public RiskCheck(RiskLimits limits) {
        this.limits = limits;
    }

    public RiskLimits limits() {
        return limits;
    }

    public RiskDecision evaluate(Signal signal, RiskState state, Instant now) {
        List<String> reasons = new ArrayList<>();
        KillSwitch killSwitch = state.killSwitch();
        if (killSwitch.halted()) {
            reasons.add("kill switch engaged by " + killSwitch.changedBy()
                    + (killSwitch.reason().isBlank() ? "" : ": " + killSwitch.reason()));
        }
        if (state.openPositions() >= limits.maxOpenPositions()) {
            reasons.add("max open positions reached (" + state.openPositions() + " of " + limits.maxOpenPositions() + ")");
        }
        if (state.approvedToday() >= limits.maxSignalsPerDay()) {
            reasons.add("daily signal limit reached (" + state.approvedToday() + " of " + limits.maxSignalsPerDay() + ")");
        }
        if (signal.quantity() > limits.maxQuantity()) {
            reasons.add("quantity " + signal.quantity() + " exceeds max " + limits.maxQuantity());
        }
        double rewardToRisk = signal.rewardPoints() / signal.riskPoints();
        if (rewardToRisk < limits.minRewardToRisk()) {
            reasons.add(String.format(Locale.ROOT, "reward/risk %.2f below minimum %.2f",
                    rewardToRisk, limits.minRewardToRisk()));
        }
        Duration age = Duration.between(signal.observedAt(), now);
        if (age.negated().compareTo(MAX_CLOCK_SKEW) > 0) {
            reasons.add("signal is from the future: observed " + signal.observedAt() + ", "
                    + age.negated().getSeconds() + " s ahead of the risk check's clock (tolerance "
                    + MAX_CLOCK_SKEW.getSeconds() + " s of clock skew)");
        } else if (age.getSeconds() > limits.maxSignalAgeSeconds()) {
            reasons.add("signal is stale: " + age.getSeconds() + " s old, limit " + limits.maxSignalAgeSeconds() + " s");
        }
        return reasons.isEmpty()
                ? RiskDecision.approve(signal.id(), now)
                : RiskDecision.reject(signal.id(), reasons, now);
    }
}
