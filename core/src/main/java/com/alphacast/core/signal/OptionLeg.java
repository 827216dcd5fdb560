package com.alphacast.core.signal;

import com.alphacast.core.options.OccSymbol;
import java.util.Objects;

/**
 * The option contract an options signal trades, bought to open, with its levels on the option's premium. The
 * signal's own entry, stop and target stay the underlying's levels: the context subscribers read the contract in.
 *
 * @param contract OCC symbol of the contract (a call for a LONG signal, a put for a SHORT one)
 * @param entry    premium to pay (the ask when the signal fired)
 * @param stop     premium at which the position is given up (below entry)
 * @param target   premium at which profit is taken (above entry)
 */
public record OptionLeg(OccSymbol contract, double entry, double stop, double target) {

    public OptionLeg {
        Objects.requireNonNull(contract, "contract");
        if (!(entry > 0) || Double.isInfinite(entry) || !(stop > 0) || !(target > 0) || Double.isInfinite(target)) {
            throw new IllegalArgumentException(contract + ": option premiums must be positive and finite, were entry="
                    + entry + " stop=" + stop + " target=" + target);
        }
        // bought to open: the premium must fall to the stop and rise to the target
        if (!(stop < entry && entry < target)) {
            throw new IllegalArgumentException(contract + ": a bought option needs stop < entry < target on the "
                    + "premium, was stop=" + stop + " entry=" + entry + " target=" + target);
        }
    }
}
