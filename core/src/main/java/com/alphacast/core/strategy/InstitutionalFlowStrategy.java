package com.alphacast.core.strategy;

import com.alphacast.core.calendar.MarketCalendar;
import com.alphacast.core.market.Bar;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.text.DecimalText;
import java.util.List;
import java.util.Optional;

/**
 * Institutional flow, the NQ system's two detectors and the arbitration between them. In the window (default
 * {@code open+5m..close-5m}) and past the staleness gate:
 * <ul>
 *   <li><b>volume-spike version</b>: the bar's volume z-score ≥ {@code minVolumeZ} and its body ≥
 *       {@code minBodyFraction} of the price; direction = the body's sign;</li>
 *   <li><b>order-flow pressure version</b>: |order-book imbalance| ≥ {@code minImbalance} and VPIN ≥
 *       {@code minVpin} (informed trading); direction = the imbalance's sign.</li>
 * </ul>
 * Arbitration: when both fire and agree, the signal carries both detectors' factors; when they disagree the flow is
 * two-sided and nothing is signalled; when one fires alone it trades with only its own factors, so its confidence
 * is lower. Stop {@code stopFraction} of the price, target {@code rewardToRisk} × the stop.
 * Factors: {@code volume} z / (2 × minVolumeZ) (0.30), {@code body} body / price / (4 × minBodyFraction) (0.20),
 * {@code imbalance} |imbalance| (0.30), {@code vpin} (0.20); a detector that did not fire contributes 0.
 */
public final class InstitutionalFlowStrategy implements Strategy {

    public static final String NAME = "institutional-flow";

    private final CommonParameters common;
    private final double minVolumeZ;
    private final double minBodyFraction;
    private final double minImbalance;
    private final double minVpin;
    private final FixedStop levels;

    public InstitutionalFlowStrategy(MarketCalendar calendar, StrategyParameters parameters) {
        common = CommonParameters.read(parameters, calendar, "open+5m..close-5m");
        minVolumeZ = parameters.decimal("minVolumeZ", 3, 0.5, 50);
        minBodyFraction = parameters.decimal("minBodyFraction", 0.0005, 1e-6, 0.1);
        minImbalance = parameters.decimal("minImbalance", 0.4, 0.01, 1);
        minVpin = parameters.decimal("minVpin", 0.3, 0, 1);
        levels = FixedStop.read(parameters, 0.002);
        parameters.requireAllRead();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Candidate> evaluate(StrategyContext context) {
        if (!common.admits(context)) {
            return Optional.empty();
        }
        Bar bar = context.view().lastBar();
        double entry = bar.close();
        double body = (bar.close() - bar.open()) / entry;
        double z = context.view().volumeZScore();
        double imbalance = context.view().orderBookImbalance();
        double vpin = context.view().vpin();
        Direction spike = z >= minVolumeZ && Math.abs(body) >= minBodyFraction && body != 0
                ? (body > 0 ? Direction.LONG : Direction.SHORT) : null;
        Direction pressure = Math.abs(imbalance) >= minImbalance && vpin >= minVpin
                ? (imbalance > 0 ? Direction.LONG : Direction.SHORT) : null;
        if ((spike == null && pressure == null) || (spike != null && pressure != null && spike != pressure)) {
            return Optional.empty();
        }
        Direction direction = spike != null ? spike : pressure;
        Rationale rationale = new Rationale(List.of(
                Factor.scored("volume", z, 0.30, spike == null ? 0 : z / (2 * minVolumeZ)),
                Factor.scored("body", body, 0.20, spike == null ? 0 : Math.abs(body) / (4 * minBodyFraction)),
                Factor.scored("imbalance", imbalance, 0.30, pressure == null ? 0 : Math.abs(imbalance)),
                Factor.scored("vpin", vpin, 0.20, pressure == null ? 0 : vpin)));
        String detectors = spike != null && pressure != null ? "volume spike and order-flow pressure agree"
                : spike != null ? "volume spike alone" : "order-flow pressure alone";
        StringBuilder summary = new StringBuilder(96).append("institutional ")
                .append(direction == Direction.LONG ? "buying" : "selling").append(" flow: ").append(detectors)
                .append(" (z ");
        DecimalText.fixed(summary, z, 1).append(", imbalance ");
        DecimalText.fixed(summary, imbalance, 2).append(", VPIN ");
        DecimalText.fixed(summary, vpin, 2).append(')');
        return Optional.of(Candidates.of(NAME, context, direction, entry, levels.stop(entry, direction),
                levels.target(entry, direction), common.quantity(), summary, rationale, Optional.empty()));
    }
}
