package com.alphacast.core.strategy.volumespike;

import com.alphacast.core.market.Bar;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.settings.MarketSettings;
import com.alphacast.core.settings.VolumeSpikeSettings;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.state.MarketView;
import com.alphacast.core.strategy.Candidate;
import com.alphacast.core.strategy.Factor;
import com.alphacast.core.strategy.Rationale;
import com.alphacast.core.strategy.Strategy;
import com.alphacast.core.strategy.StrategyContext;
import com.alphacast.core.text.DecimalText;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Volume-spike momentum: when a closed bar trades far more than its recent baseline <em>and</em> moves
 * decisively, follow the move.
 *
 * <p>Rules, evaluated on every closed bar of a {@link MarketView} whose feed is {@link FeedHealth#LIVE}:
 * <ol>
 *   <li>The view scores the bar's volume against the previous {@code baselineBars} bars ({@code UnusualVolume}):
 *       it must be at least {@code minVolumeRatio} × the baseline mean <b>and</b> {@code minZScore} standard
 *       deviations above it (both, so a quiet baseline with a tiny deviation cannot trigger alone).</li>
 *   <li>The bar body (close − open) must be at least {@code minBodyTicks} ticks; its sign is the direction.</li>
 *   <li>Entry is the bar close, the stop {@code stopTicks} ticks against the move, the target
 *       {@code rewardToRisk} × the stop distance with it, rounded to the tick.</li>
 *   <li>After a signal, {@code cooldownBars} bars are skipped so one burst yields one signal.</li>
 * </ol>
 * Confidence grows with how far the z-score clears its threshold: {@code 0.5 + 0.5·min(1, (z − zMin)/zMin)},
 * i.e. the factors {@code unusual-volume} (0.5, met) and {@code z-clearance} (0.5, (z − zMin)/zMin) of
 * {@link #evaluate}. It has no session window: the futures it follows trade nearly around the clock.
 *
 * <p>The signal id is {@code volume-spike:<instrument>:<bar end>}, so replays give identical ids.
 * Not thread-safe: one instance per instrument stream.
 */
public final class VolumeSpikeStrategy implements Strategy {

    public static final String NAME = "volume-spike";

    private final MarketSettings market;
    private final VolumeSpikeSettings settings;
    private int cooldownRemaining;

    public VolumeSpikeStrategy(MarketSettings market, VolumeSpikeSettings settings) {
        this.market = market;
        this.settings = settings;
    }

    /**
     * Reads the instrument after one closed bar; the view's volume baseline must be the strategy's
     * ({@code baselineBars} bars, as {@code MarketState} keeps it from the same settings).
     *
     * @param view       the instrument as of the bar close
     * @param observedAt wall-clock time the trade that closed the bar reached the worker
     * @return a signal when the bar is a qualifying spike and the feed is live
     */
    public Optional<Signal> onBar(MarketView view, Instant observedAt) {
        Bar bar = view.lastBar();
        if (cooldownRemaining > 0) {
            cooldownRemaining--;
            return Optional.empty();
        }
        if (view.health() != FeedHealth.LIVE) {
            return Optional.empty(); // never a signal from a stale or resynchronising feed
        }
        double ratio = view.volumeRatio();
        double zScore = view.volumeZScore();
        if (!view.unusualVolume() || !(ratio >= settings.minVolumeRatio()) || !(zScore >= settings.minZScore())) {
            return Optional.empty();
        }
        double tick = market.tickSize();
        long bodyTicks = Math.round((bar.close() - bar.open()) / tick);
        if (Math.abs(bodyTicks) < settings.minBodyTicks()) {
            return Optional.empty();
        }
        Direction direction = bodyTicks > 0 ? Direction.LONG : Direction.SHORT;
        double entry = bar.close();
        double stopDistance = settings.stopTicks() * tick;
        double targetDistance = Math.round(stopDistance * settings.rewardToRisk() / tick) * tick;
        double stop = entry - direction.sign() * stopDistance;
        double target = entry + direction.sign() * targetDistance;
        double clearance = (zScore - settings.minZScore()) / settings.minZScore();
        double confidence = 0.5 + 0.5 * Math.min(1.0, Math.max(0.0, clearance));
        Instant barEnd = bar.end();
        StringBuilder rationale = new StringBuilder(112).append(settings.barSeconds()).append("s volume ");
        DecimalText.grouped(rationale, bar.volume()).append(" is ");
        DecimalText.fixed(rationale, ratio, 1).append("x the ").append(settings.baselineBars()).append("-bar mean (z ");
        DecimalText.fixed(rationale, zScore, 1).append("); bar moved ");
        DecimalText.signedFixed(rationale, bar.close() - bar.open(), 2).append(" (").append(bodyTicks)
                .append(" ticks) open to close");
        cooldownRemaining = settings.cooldownBars();
        return Optional.of(new Signal(
                NAME + ":" + market.instrument() + ":" + barEnd,
                NAME, market.symbol(), market.instrument(), direction,
                entry, stop, target, settings.quantity(), round2(confidence), rationale.toString(),
                barEnd, observedAt));
    }

    @Override
    public String name() {
        return NAME;
    }

    /** {@link #onBar} as a {@link Strategy}, with the factors behind its confidence. */
    @Override
    public Optional<Candidate> evaluate(StrategyContext context) {
        Optional<Signal> signal = onBar(context.view(), context.observedAt());
        if (signal.isEmpty()) {
            return Optional.empty(); // no lambda on the way out: most bar closes end here
        }
        double zScore = context.view().volumeZScore();
        Rationale rationale = new Rationale(List.of(
                Factor.scored("unusual-volume", context.view().volumeRatio(), 0.5, 1),
                Factor.scored("z-clearance", zScore, 0.5, (zScore - settings.minZScore()) / settings.minZScore())));
        return Optional.of(new Candidate(signal.get(), rationale, Optional.empty()));
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
