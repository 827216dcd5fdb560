package com.alphacast.core.strategy.volumespike;

import com.alphacast.core.market.Bar;
import com.alphacast.core.settings.MarketSettings;
import com.alphacast.core.settings.VolumeSpikeSettings;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.volume.UnusualVolume;
import com.alphacast.core.volume.VolumeReading;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Volume-spike momentum: when a closed bar trades far more than its recent baseline <em>and</em> moves
 * decisively, follow the move.
 *
 * <p>Rules, evaluated on every closed bar:
 * <ol>
 *   <li>Score the bar's volume against the previous {@code baselineBars} bars ({@link UnusualVolume}):
 *       it must be at least {@code minVolumeRatio} × the baseline mean <b>and</b> {@code minZScore} standard
 *       deviations above it (both, so a quiet baseline with a tiny deviation cannot trigger alone).</li>
 *   <li>The bar body (close − open) must be at least {@code minBodyTicks} ticks; its sign is the direction.</li>
 *   <li>Entry is the bar close, the stop {@code stopTicks} ticks against the move, the target
 *       {@code rewardToRisk} × the stop distance with it, rounded to the tick.</li>
 *   <li>After a signal, {@code cooldownBars} bars are skipped so one burst yields one signal.</li>
 * </ol>
 * Confidence grows with how far the z-score clears its threshold: {@code 0.5 + 0.5·min(1, (z − zMin)/zMin)}.
 *
 * <p>The signal id is {@code volume-spike:<instrument>:<bar end>}, so replays give identical ids.
 * Not thread-safe: one instance per instrument stream.
 */
public final class VolumeSpikeStrategy {

    public static final String NAME = "volume-spike";

    private final MarketSettings market;
    private final VolumeSpikeSettings settings;
    private final UnusualVolume baseline;
    private int cooldownRemaining;

    public VolumeSpikeStrategy(MarketSettings market, VolumeSpikeSettings settings) {
        this.market = market;
        this.settings = settings;
        this.baseline = new UnusualVolume(settings.baselineBars(), settings.baselineBars(),
                settings.minZScore(), settings.minVolumeRatio());
    }

    /**
     * Reads one closed bar.
     *
     * @param bar        the bar that just closed
     * @param observedAt wall-clock time the trade that closed the bar reached the worker
     * @return a signal when the bar is a qualifying spike
     */
    public Optional<Signal> onBar(Bar bar, Instant observedAt) {
        VolumeReading reading = baseline.observe(bar.volume());
        if (cooldownRemaining > 0) {
            cooldownRemaining--;
            return Optional.empty();
        }
        if (!reading.isUnusual() || reading.ratio() < settings.minVolumeRatio() || reading.zScore() < settings.minZScore()) {
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
        double clearance = (reading.zScore() - settings.minZScore()) / settings.minZScore();
        double confidence = 0.5 + 0.5 * Math.min(1.0, Math.max(0.0, clearance));
        Instant barEnd = bar.end();
        String rationale = String.format(Locale.ROOT,
                "%ds volume %,d is %.1fx the %d-bar mean (z %.1f); bar moved %+.2f (%d ticks) open to close",
                settings.barSeconds(), bar.volume(), reading.ratio(), settings.baselineBars(), reading.zScore(),
                bar.close() - bar.open(), bodyTicks);
        cooldownRemaining = settings.cooldownBars();
        return Optional.of(new Signal(
                NAME + ":" + market.instrument() + ":" + barEnd,
                NAME, market.symbol(), market.instrument(), direction,
                entry, stop, target, settings.quantity(), round2(confidence), rationale,
                barEnd, observedAt));
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
