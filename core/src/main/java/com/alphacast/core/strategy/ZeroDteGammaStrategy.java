package com.alphacast.core.strategy;

import com.alphacast.core.calendar.MarketCalendar;
import com.alphacast.core.market.Bar;
import com.alphacast.core.market.ChainSummary;
import com.alphacast.core.options.OptionContract;
import com.alphacast.core.options.OptionRight;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.text.DecimalText;
import java.util.List;
import java.util.Optional;

/**
 * 0DTE gamma: in a negative-gamma regime dealers hedge in the direction of the move, so a decisive bar tends to run
 * to the next gamma level. Rules, after the window ({@code window}, default {@code open+30m..close-30m}) and the
 * staleness gate:
 * <ol>
 *   <li>the chain summary's net GEX is negative (no signal in a positive-gamma regime, where dealers damp moves);</li>
 *   <li>the bar's body is at least {@code minBodyFraction} of the price; its sign is the direction;</li>
 *   <li>the target is the nearest gamma level beyond the entry in that direction: zero gamma or the call wall
 *       going up (a <em>squeeze</em> when the price is below zero gamma: short dealers must buy into the rally),
 *       the put wall going down; the stop is {@code stopFraction} of the price against the move and the target must
 *       pay at least {@code minRewardToRisk} times the risk;</li>
 *   <li>a liquid at-the-money call (long) or put (short) expiring within {@code maxDaysToExpiry} days exists.</li>
 * </ol>
 * Factors: {@code negative-gamma} |net GEX| / {@code gexScale} (0.30), {@code momentum} body / price /
 * {@code momentumScale} (0.25), {@code volume} z-score / {@code volumeZScale} (0.20), {@code reward-to-risk}
 * ratio / (2 × minimum) (0.25).
 */
public final class ZeroDteGammaStrategy implements Strategy {

    public static final String NAME = "0dte-gamma";

    private final CommonParameters common;
    private final LiquidContracts liquidity;
    private final double gexScale;
    private final double minBodyFraction;
    private final double momentumScale;
    private final double volumeZScale;
    private final double stopFraction;
    private final double minRewardToRisk;
    private final int maxDaysToExpiry;

    public ZeroDteGammaStrategy(MarketCalendar calendar, StrategyParameters parameters) {
        common = CommonParameters.read(parameters, calendar, "open+30m..close-30m");
        liquidity = LiquidContracts.from(parameters);
        gexScale = parameters.decimal("gexScale", 5e9, 1, 1e15);
        minBodyFraction = parameters.decimal("minBodyFraction", 0.0005, 0, 0.1);
        momentumScale = parameters.decimal("momentumScale", 0.002, 1e-6, 1);
        volumeZScale = parameters.decimal("volumeZScale", 3, 0.1, 100);
        stopFraction = parameters.decimal("stopFraction", 0.002, 1e-5, 0.2);
        minRewardToRisk = parameters.decimal("minRewardToRisk", 1.5, 0.1, 20);
        maxDaysToExpiry = parameters.integer("maxDaysToExpiry", 0, 0, 7);
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
        Optional<ChainSummary> summary = context.view().chain();
        if (summary.isEmpty() || !(summary.get().netGex() < 0)) {
            return Optional.empty();
        }
        ChainSummary gamma = summary.get();
        Bar bar = context.view().lastBar();
        double entry = bar.close();
        double body = bar.close() - bar.open();
        if (!(Math.abs(body) / entry >= minBodyFraction) || body == 0) {
            return Optional.empty();
        }
        Direction direction = body > 0 ? Direction.LONG : Direction.SHORT;
        double target = direction == Direction.LONG
                ? nearestAbove(entry, gamma.zeroGamma(), gamma.callWall())
                : nearestBelow(entry, gamma.putWall());
        if (Double.isNaN(target)) {
            return Optional.empty();
        }
        double risk = entry * stopFraction;
        double rewardToRisk = Math.abs(target - entry) / risk;
        if (rewardToRisk < minRewardToRisk) {
            return Optional.empty();
        }
        Optional<OptionContract> contract = common.gate().freshChain(context)
                .flatMap(chain -> liquidity.nearest(chain, common.sessionDate(context), 0, maxDaysToExpiry,
                        direction == Direction.LONG ? OptionRight.CALL : OptionRight.PUT, entry));
        if (contract.isEmpty()) {
            return Optional.empty();
        }
        boolean squeeze = direction == Direction.LONG && entry < gamma.zeroGamma();
        Rationale rationale = new Rationale(List.of(
                Factor.scored("negative-gamma", gamma.netGex(), 0.30, Math.abs(gamma.netGex()) / gexScale),
                Factor.scored("momentum", body / entry, 0.25, Math.abs(body) / entry / momentumScale),
                Factor.scored("volume", context.view().volumeZScore(), 0.20,
                        context.view().volumeZScore() / volumeZScale),
                Factor.scored("reward-to-risk", rewardToRisk, 0.25, rewardToRisk / (2 * minRewardToRisk))));
        StringBuilder summaryText = new StringBuilder(96).append(direction).append(" in negative gamma (net GEX ");
        DecimalText.significant(summaryText, gamma.netGex(), 3).append(", zero gamma ");
        DecimalText.fixed(summaryText, gamma.zeroGamma(), 2).append("): target ");
        DecimalText.fixed(summaryText, target, 2).append(squeeze ? ", squeeze below zero gamma" : "");
        return Optional.of(Candidates.of(NAME, context, direction, entry, entry - direction.sign() * risk, target,
                common.quantity(), summaryText, rationale, contract));
    }

    private static double nearestAbove(double entry, double... levels) {
        double best = Double.NaN;
        for (double level : levels) {
            if (level > entry && (Double.isNaN(best) || level < best)) {
                best = level;
            }
        }
        return best;
    }

    private static double nearestBelow(double entry, double level) {
        return level < entry ? level : Double.NaN;
    }
}
