package com.alphacast.bots.render;

import com.alphacast.core.options.OccSymbol;
import com.alphacast.core.options.OptionRight;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import java.util.Objects;
import java.util.Optional;

/**
 * A trade as a subscriber acts on it: what to do (buy or sell, and which kind of option) and the view on the
 * underlying it expresses. A bought put is a LONG position in the put but a bearish trade, so texts say
 * "BUY PUT SPY (bearish)" rather than the option leg's direction.
 *
 * @param side  the order's side on the traded instrument (LONG = buy)
 * @param right the option's right when the instrument is an option, else empty (futures, shares, coins)
 */
record Stance(Direction side, Optional<OptionRight> right) {

    Stance {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(right, "right");
    }

    /** A signal: its option leg is bought to open; without one, the signal's direction is the order's side. */
    static Stance of(Signal signal) {
        return signal.option().map(leg -> new Stance(Direction.LONG, Optional.of(leg.contract().right())))
                .orElseGet(() -> new Stance(signal.direction(), Optional.empty()));
    }

    /** A fill, position or exit on {@code instrument}: an option when it is an OCC symbol. */
    static Stance of(Direction side, String instrument) {
        return new Stance(side, optionRight(instrument));
    }

    private static Optional<OptionRight> optionRight(String instrument) {
        try {
            return Optional.of(OccSymbol.parse(instrument).right());
        } catch (IllegalArgumentException notAnOption) {
            return Optional.empty();
        }
    }

    boolean bullish() {
        boolean up = side == Direction.LONG;
        return right.map(r -> r == OptionRight.CALL ? up : !up).orElse(up);
    }

    String view() {
        return bullish() ? "bullish" : "bearish";
    }

    /** What to do: BUY or SELL, with CALL or PUT for an option. */
    String action() {
        return (side == Direction.LONG ? "BUY" : "SELL") + right.map(r -> " " + r.name()).orElse("");
    }

    /** {@code BUY PUT SPY (bearish)}. */
    String headline(String underlying) {
        return action() + " " + underlying + " (" + view() + ")";
    }

    /** {@code BUY PUT (bearish)}, beside the underlying. */
    String actionAndView() {
        return action() + " (" + view() + ")";
    }

    /**
     * The position held, for updates on it: LONG or SHORT for a future, share or coin (its direction is the view);
     * {@code PUT (bearish)} for a bought put, whose LONG would read as bullish on the underlying.
     */
    String held() {
        return right.map(r -> (side == Direction.LONG ? "" : "short ") + r.name() + " (" + view() + ")")
                .orElse(side == Direction.LONG ? "LONG" : "SHORT");
    }
}
