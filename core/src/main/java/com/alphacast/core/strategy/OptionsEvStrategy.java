package com.alphacast.core.strategy;

import com.alphacast.core.calendar.MarketCalendar;
import com.alphacast.core.ev.EvCandidate;
import com.alphacast.core.ev.EvPipeline;
import com.alphacast.core.ev.EvPipelineConfig;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.text.DecimalText;
import java.util.List;
import java.util.Optional;

/**
 * The options EV pipeline ({@link EvPipeline}) producing signals: on each bar in the window (default
 * {@code open+30m..close-30m}) with a fresh chain, the pipeline runs with the view's realized volatility ×
 * {@code volatilityMultiplier} as the forecast and the NQ system's risk weights ({@code weightOpenInterest} 0.35,
 * {@code weightVolume} 0.25, {@code weightPutCallRatio} 0.25, {@code weightDistance} 0.15) and quality bar
 * ({@code minExpectedValue} 15 points, {@code minProbability} 0.60). The best surviving contract is the trade:
 * a call is LONG the underlying, a put SHORT; the target is where the option returns premium + EV at expiry
 * (K ± (premium + EV)), the stop {@code 1 / rewardToRisk} of that move against it. No volatility yet (warming up)
 * means no signal.
 * Factors: {@code risk-score} score / 100 (0.35), {@code probability} (0.35), {@code expected-value} EV / (2 ×
 * minimum EV) (0.30).
 */
public final class OptionsEvStrategy implements Strategy {

    public static final String NAME = "options-ev";

    private final CommonParameters common;
    private final LiquidContracts liquidity;
    private final EvPipeline pipeline;
    private final double volatilityMultiplier;
    private final double rewardToRisk;

    public OptionsEvStrategy(MarketCalendar calendar, StrategyParameters parameters) {
        common = CommonParameters.read(parameters, calendar, "open+30m..close-30m");
        liquidity = LiquidContracts.from(parameters);
        EvPipelineConfig defaults = EvPipelineConfig.DEFAULT;
        pipeline = new EvPipeline(new EvPipelineConfig(defaults.stages(),
                parameters.decimal("weightOpenInterest", 0.35, 0, 1), parameters.decimal("weightVolume", 0.25, 0, 1),
                parameters.decimal("weightPutCallRatio", 0.25, 0, 1), parameters.decimal("weightDistance", 0.15, 0, 1),
                parameters.decimal("minExpectedValue", 15, 0, 1e6), parameters.decimal("minProbability", 0.60, 0, 1),
                defaults.minOpenInterest(), defaults.minVolume(), defaults.maxSpreadFraction(),
                parameters.decimal("maxDistanceFraction", 0.10, 1e-4, 1), defaults.rate()));
        volatilityMultiplier = parameters.decimal("volatilityMultiplier", 1, 0.01, 10);
        rewardToRisk = parameters.decimal("rewardToRisk", 2, 0.1, 20);
        parameters.requireAllRead();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Candidate> evaluate(StrategyContext context) {
        Optional<OptionChain> chain = common.chainToTrade(context);
        double forecast = context.view().realizedVolatility() * volatilityMultiplier;
        if (chain.isEmpty() || !(forecast > 0)) {
            return Optional.empty();
        }
        double entry = context.view().lastBar().close();
        Optional<EvCandidate> best = pipeline.run(chain.get().withSpot(entry), forecast).stream()
                .filter(c -> liquidity.isLiquid(c.contract()))
                .findFirst();
        if (best.isEmpty()) {
            return Optional.empty();
        }
        EvCandidate ev = best.get();
        Direction direction = ev.contract().isCall() ? Direction.LONG : Direction.SHORT;
        double target = ev.contract().strike() + direction.sign() * (ev.premium() + ev.expectedValue());
        if (!(direction.sign() * (target - entry) > 0)) {
            return Optional.empty();
        }
        double stop = entry - (target - entry) / rewardToRisk;
        double minEv = pipeline.config().minExpectedValue();
        Rationale rationale = new Rationale(List.of(
                Factor.scored("risk-score", ev.riskScore(), 0.35, ev.riskScore() / 100),
                Factor.scored("probability", ev.probability(), 0.35, ev.probability()),
                Factor.scored("expected-value", ev.expectedValue(), 0.30,
                        minEv > 0 ? ev.expectedValue() / (2 * minEv) : 1)));
        StringBuilder summary = new StringBuilder(64).append("EV ");
        DecimalText.fixed(summary, ev.expectedValue(), 2).append(" points at ");
        DecimalText.fixed(summary, ev.probability() * 100, 0).append("% probability with volatility ");
        DecimalText.fixed(summary, forecast * 100, 1).append('%');
        return Optional.of(Candidates.of(NAME, context, direction, entry, stop, target, common.quantity(), summary,
                rationale, Optional.of(ev.contract())));
    }
}
