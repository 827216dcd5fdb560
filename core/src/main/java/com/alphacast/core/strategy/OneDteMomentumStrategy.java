package com.alphacast.core.strategy;

import com.alphacast.core.calendar.MarketCalendar;
import com.alphacast.core.market.Bar;
import com.alphacast.core.options.OptionContract;
import com.alphacast.core.options.OptionRight;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.text.DecimalText;
import java.util.List;
import java.util.Optional;

/**
 * 1DTE end-of-day momentum: a decisive move in the last hour (window default {@code close-60m..close-5m}) tends to
 * carry into the overnight, traded with the next expiry's at-the-money option. Rules, past the staleness gate:
 * the closing bar's body is at least {@code minBodyFraction} of the price and its close is in the outer
 * {@code closeLocation} of its range in the body's direction (a close at the high for a rally); order-book
 * imbalance, when known, must not point the other way; a liquid call (long) or put (short) expiring
 * {@code minDays..maxDays} (1..3, so a Friday reaches Monday) calendar days out must exist. Stop
 * {@code stopFraction} of the price, target {@code rewardToRisk} × the stop.
 * The view holds the closing bar, not the whole session, so "momentum" is that bar's: configure the worker's bar
 * length to the span the momentum should cover.
 * Factors: {@code momentum} body / price / (3 × minBodyFraction) (0.45), {@code close-location} (0.25),
 * {@code volume} z / 4 (0.30).
 */
public final class OneDteMomentumStrategy implements Strategy {

    public static final String NAME = "1dte-momentum";

    private final CommonParameters common;
    private final LiquidContracts liquidity;
    private final double minBodyFraction;
    private final double closeLocation;
    private final ExpiryDays expiry;
    private final FixedStop levels;

    public OneDteMomentumStrategy(MarketCalendar calendar, StrategyParameters parameters) {
        common = CommonParameters.read(parameters, calendar, "close-60m..close-5m");
        liquidity = LiquidContracts.from(parameters);
        minBodyFraction = parameters.decimal("minBodyFraction", 0.001, 1e-6, 0.1);
        closeLocation = parameters.decimal("closeLocation", 0.25, 0.01, 1);
        expiry = ExpiryDays.read(parameters, NAME, new ExpiryDays(1, 3), 1, 30);
        levels = FixedStop.read(parameters, 0.003);
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
        double range = bar.high() - bar.low();
        if (Math.abs(body) < minBodyFraction || body == 0 || !(range > 0)) {
            return Optional.empty();
        }
        Direction direction = body > 0 ? Direction.LONG : Direction.SHORT;
        double fromExtreme = direction == Direction.LONG ? (bar.high() - bar.close()) / range
                : (bar.close() - bar.low()) / range;
        double imbalance = context.view().orderBookImbalance();
        if (fromExtreme > closeLocation || (!Double.isNaN(imbalance) && imbalance * direction.sign() < 0)) {
            return Optional.empty();
        }
        Optional<OptionContract> contract = common.gate().freshChain(context)
                .flatMap(chain -> liquidity.nearest(chain, common.sessionDate(context), expiry.min(), expiry.max(),
                        direction == Direction.LONG ? OptionRight.CALL : OptionRight.PUT, entry));
        if (contract.isEmpty()) {
            return Optional.empty();
        }
        double z = context.view().volumeZScore();
        Rationale rationale = new Rationale(List.of(
                Factor.scored("momentum", body, 0.45, Math.abs(body) / (3 * minBodyFraction)),
                Factor.scored("close-location", fromExtreme, 0.25, 1 - fromExtreme / closeLocation),
                Factor.scored("volume", z, 0.30, z / 4)));
        StringBuilder summary = new StringBuilder(64).append(direction).append(" into the close: ");
        DecimalText.signedFixed(summary, body * 100, 2).append("% on the bar, closed ");
        DecimalText.fixed(summary, fromExtreme * 100, 0).append("% off its ")
                .append(direction == Direction.LONG ? "high" : "low");
        return Optional.of(Candidates.of(NAME, context, direction, entry, levels.stop(entry, direction),
                levels.target(entry, direction), common.quantity(), summary, rationale, contract));
    }
}
