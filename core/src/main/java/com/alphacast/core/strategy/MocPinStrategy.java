package com.alphacast.core.strategy;

import com.alphacast.core.calendar.MarketCalendar;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.options.OptionContract;
import com.alphacast.core.options.OptionRight;
import com.alphacast.core.options.gex.GammaExposure;
import com.alphacast.core.options.gex.GexReport;
import com.alphacast.core.options.gex.StrikeExposure;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.text.DecimalText;
import java.util.List;
import java.util.Optional;

/**
 * Market-on-close gamma pin: in the last part of the session ({@code window}, default {@code close-60m..close-10m})
 * dealers' hedging of the strike with the largest gamma pulls the price toward it. Rules, after the staleness gate
 * and with a fresh chain:
 * <ol>
 *   <li>the magnet is the strike with the largest |net GEX| within {@code maxDistanceFraction} of the price;</li>
 *   <li>the price is at least {@code minDistanceFraction} away from it (already pinned: nothing to gain);</li>
 *   <li>trade toward the magnet: target the strike, stop {@code 1 / rewardToRisk} of that distance on the other
 *       side;</li>
 *   <li>with the liquid at-the-money call (toward a higher magnet) or put expiring within {@code maxDaysToExpiry}
 *       (default 0) days.</li>
 * </ol>
 * Factors: {@code pin-share} the magnet's share of |net GEX| among strikes in range / {@code pinShareScale} (0.40),
 * {@code proximity} 1 − distance / max distance (0.30), {@code gamma-regime} 0.5 + 0.5·tanh(net GEX /
 * {@code gexScale}) (0.30): a positive-gamma market pins harder.
 */
public final class MocPinStrategy implements Strategy {

    public static final String NAME = "moc-pin";

    private final CommonParameters common;
    private final GammaExposure exposure;
    private final double minDistanceFraction;
    private final double maxDistanceFraction;
    private final double rewardToRisk;
    private final double pinShareScale;
    private final double gexScale;
    private final LiquidContracts liquidity;
    private final int maxDaysToExpiry;

    public MocPinStrategy(MarketCalendar calendar, GammaExposure exposure, StrategyParameters parameters) {
        this.exposure = exposure;
        common = CommonParameters.read(parameters, calendar, "close-60m..close-10m");
        minDistanceFraction = parameters.decimal("minDistanceFraction", 0.0005, 0, 0.1);
        maxDistanceFraction = parameters.decimal("maxDistanceFraction", 0.01, 1e-4, 0.2);
        rewardToRisk = parameters.decimal("rewardToRisk", 1.5, 0.1, 20);
        pinShareScale = parameters.decimal("pinShareScale", 0.25, 0.01, 1);
        gexScale = parameters.decimal("gexScale", 5e9, 1, 1e15);
        liquidity = LiquidContracts.from(parameters);
        maxDaysToExpiry = parameters.integer("maxDaysToExpiry", 0, 0, 7);
        parameters.requireAllRead();
        if (minDistanceFraction >= maxDistanceFraction) {
            throw new IllegalArgumentException(NAME + ": minDistanceFraction " + minDistanceFraction
                    + " must be below maxDistanceFraction " + maxDistanceFraction);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Candidate> evaluate(StrategyContext context) {
        Optional<OptionChain> chain = common.chainToTrade(context);
        if (chain.isEmpty()) {
            return Optional.empty();
        }
        double entry = context.view().lastBar().close();
        GexReport report = exposure.report(chain.get().withSpot(entry), 0);
        StrikeExposure magnet = null;
        double inRange = 0;
        for (StrikeExposure strike : report.byStrike()) {
            if (Math.abs(strike.strike() - entry) / entry > maxDistanceFraction) {
                continue;
            }
            inRange += Math.abs(strike.netGex());
            if (magnet == null || Math.abs(strike.netGex()) > Math.abs(magnet.netGex())) {
                magnet = strike;
            }
        }
        if (magnet == null || inRange == 0) {
            return Optional.empty();
        }
        double distance = Math.abs(magnet.strike() - entry);
        if (distance / entry < minDistanceFraction) {
            return Optional.empty();
        }
        Direction direction = magnet.strike() > entry ? Direction.LONG : Direction.SHORT;
        Optional<OptionContract> contract = liquidity.nearest(chain.get(), common.sessionDate(context), 0,
                maxDaysToExpiry, direction == Direction.LONG ? OptionRight.CALL : OptionRight.PUT, entry);
        if (contract.isEmpty()) {
            return Optional.empty();
        }
        double share = Math.abs(magnet.netGex()) / inRange;
        double netGex = report.totals().netGex();
        Rationale rationale = new Rationale(List.of(
                Factor.scored("pin-share", share, 0.40, share / pinShareScale),
                Factor.scored("proximity", distance / entry, 0.30, 1 - distance / entry / maxDistanceFraction),
                Factor.scored("gamma-regime", netGex, 0.30, 0.5 + 0.5 * Math.tanh(netGex / gexScale))));
        StringBuilder summary = new StringBuilder(64).append("pin toward ");
        DecimalText.fixed(summary, magnet.strike(), 2).append(" (");
        DecimalText.fixed(summary, share * 100, 0).append("% of nearby |GEX|, net GEX ");
        DecimalText.significant(summary, netGex, 3).append(')');
        return Optional.of(Candidates.of(NAME, context, direction, entry,
                entry - direction.sign() * distance / rewardToRisk, magnet.strike(), common.quantity(), summary,
                rationale, contract));
    }
}
