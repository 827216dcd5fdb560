package com.alphacast.core.signal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A candidate trade idea produced by a strategy.
 *
 * <p>The id is deterministic (strategy, instrument and the market time that triggered it), so
 * replaying the same market data produces the same signals and a redelivered signal is recognisably
 * the same one downstream.
 *
 * @param id          deterministic identifier, unique per strategy, instrument and trigger time
 * @param strategy    name of the strategy that produced it
 * @param underlying  the underlying symbol subscribers know (e.g. {@code ES}, {@code SPY})
 * @param instrument  the exact instrument to trade (futures contract or OCC option symbol)
 * @param direction   long or short
 * @param entry       suggested entry price
 * @param stop        protective stop price
 * @param target      profit target price
 * @param quantity    suggested size in contracts
 * @param confidence  the strategy's confidence in [0, 1]
 * @param rationale   why the strategy fired, for premium subscribers
 * @param marketTime  timestamp of the market event that triggered the signal (feed time)
 * @param observedAt  wall-clock time the triggering market event reached the worker; the start of
 *                    the market-event-to-delivery latency
 * @param option      for an options signal, the contract bought and its premium levels; entry, stop and target
 *                    above are then the underlying's levels, the context the contract is read in
 */
public record Signal(
        String id,
        String strategy,
        String underlying,
        String instrument,
        Direction direction,
        double entry,
        double stop,
        double target,
        int quantity,
        double confidence,
        String rationale,
        Instant marketTime,
        Instant observedAt,
        Optional<OptionLeg> option) {

    /** A signal on the instrument itself (futures, equity, spot), with no option leg. */
    public Signal(String id, String strategy, String underlying, String instrument, Direction direction, double entry,
                  double stop, double target, int quantity, double confidence, String rationale, Instant marketTime,
                  Instant observedAt) {
        this(id, strategy, underlying, instrument, direction, entry, stop, target, quantity, confidence, rationale,
                marketTime, observedAt, Optional.empty());
    }

    public Signal {
        Objects.requireNonNull(option, "option");
        requireText(id, "id");
        requireText(strategy, "strategy");
        requireText(underlying, "underlying");
        requireText(instrument, "instrument");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(marketTime, "marketTime");
        Objects.requireNonNull(observedAt, "observedAt");
        rationale = rationale == null ? "" : rationale;
        requireFinitePositive(entry, "entry");
        requireFinitePositive(stop, "stop");
        requireFinitePositive(target, "target");
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive, was " + quantity);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], was " + confidence);
        }
        // A stop on the wrong side of entry would turn the risk check's arithmetic upside down.
        if (direction == Direction.LONG && !(stop < entry && target > entry)) {
            throw new IllegalArgumentException(
                    "a LONG signal needs stop < entry < target, was stop=" + stop + " entry=" + entry + " target=" + target);
        }
        if (direction == Direction.SHORT && !(stop > entry && target < entry)) {
            throw new IllegalArgumentException(
                    "a SHORT signal needs target < entry < stop, was stop=" + stop + " entry=" + entry + " target=" + target);
        }
    }

    /** The same signal trading {@code leg}. */
    public Signal withOption(OptionLeg leg) {
        return new Signal(id, strategy, underlying, instrument, direction, entry, stop, target, quantity, confidence,
                rationale, marketTime, observedAt, Optional.of(leg));
    }

    /**
     * The same signal on the contract that trades ({@code instrument}, e.g. ESU1 for the feed's ES) with its levels
     * on that contract's tick: entry to the nearest tick, the stop and the target each rounded towards the entry's
     * far side of risk (stop away from the entry, target towards it), so rounding never improves the reward to risk.
     * A level that would land on the entry moves one tick out. Returns this signal when nothing changes.
     */
    public Signal tradedAs(String tradedInstrument, double tickSize) {
        requireText(tradedInstrument, "tradedInstrument");
        if (!(tickSize > 0) || Double.isInfinite(tickSize)) {
            throw new IllegalArgumentException("tickSize must be a positive finite price step, was " + tickSize);
        }
        double ticks = tickSize;
        double e = onTick(Math.rint(entry / ticks), ticks);
        boolean isLong = direction == Direction.LONG;
        double s = onTick(isLong ? Math.floor(stop / ticks + 1e-9) : Math.ceil(stop / ticks - 1e-9), ticks);
        double t = onTick(isLong ? Math.floor(target / ticks + 1e-9) : Math.ceil(target / ticks - 1e-9), ticks);
        if (isLong ? s >= e : s <= e) {
            s = isLong ? e - ticks : e + ticks;
        }
        if (isLong ? t <= e : t >= e) {
            t = isLong ? e + ticks : e - ticks;
        }
        if (tradedInstrument.equals(instrument) && e == entry && s == stop && t == target) {
            return this;
        }
        return new Signal(id, strategy, underlying, tradedInstrument, direction, e, s, t, quantity, confidence,
                rationale, marketTime, observedAt, option);
    }

    /**
     * {@code tickCount × tickSize} as the exact product of their shortest decimal forms, rounded once to a double:
     * 1305.25, not 1305.2500000000002, in every message and ledger key. What {@code BigDecimal.valueOf} of each and
     * their product's {@code doubleValue()} give, in long arithmetic: the feed thread trades every signal through
     * here, and the BigDecimals were ~0.5 KB of garbage per signal. For a count that is not whole, or outside long
     * range, it takes that path itself.
     */
    static double onTick(double tickCount, double tickSize) {
        int scale = decimalScale(tickSize);
        if (scale >= 0 && Math.abs(tickCount) < 0x1p53 && tickCount == Math.rint(tickCount)) {
            long units = Math.round(tickSize * POW10[scale]);
            long count = (long) tickCount;
            long product = count * units;
            if (Math.multiplyHigh(count, units) == (product >> 63) && Math.abs(product) < (1L << 53)) {
                // both operands exact, one correctly rounded division: the nearest double to the decimal product
                return product / POW10[scale];
            }
        }
        return java.math.BigDecimal.valueOf(tickCount).multiply(java.math.BigDecimal.valueOf(tickSize)).doubleValue();
    }

    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
            1e14, 1e15};

    /** The fewest decimals whose number reads back as {@code value} (0.25 → 2), or -1 beyond 15. */
    private static int decimalScale(double value) {
        for (int scale = 0; scale < POW10.length; scale++) {
            double scaled = value * POW10[scale];
            if (!(scaled < 0x1p53)) {
                return -1;
            }
            if (Math.round(scaled) / POW10[scale] == value) {
                return scale;
            }
        }
        return -1;
    }

    /** Loss per contract unit if the stop is hit, in price points (always positive). */
    public double riskPoints() {
        return Math.abs(entry - stop);
    }

    /** Gain per contract unit if the target is hit, in price points (always positive). */
    public double rewardPoints() {
        return Math.abs(target - entry);
    }

    /**
     * Longest id or name accepted. They are DynamoDB keys and appear in every rendered message: an unbounded
     * one (a corrupted or hostile message) would turn one signal into dozens of chat messages per destination.
     * 512 characters are at most 2,048 UTF-8 bytes, DynamoDB's limit for a partition key.
     */
    public static final int MAX_NAME_LENGTH = 512;

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(name + " must be at most " + MAX_NAME_LENGTH + " characters, was "
                    + value.length());
        }
    }

    private static void requireFinitePositive(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive finite price, was " + value);
        }
    }
}
