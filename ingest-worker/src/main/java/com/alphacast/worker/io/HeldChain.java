package com.alphacast.worker.io;

import com.alphacast.core.options.OptionChain;
import java.time.Instant;
import java.util.Objects;

/**
 * A chain the worker held for an instrument from a bar's close on: stored so the order and position functions fill
 * and exit option legs on the quotes the strategies saw.
 *
 * @param underlying the instrument the chain is held for (the signals' underlying)
 * @param chain      the chain, with the time it was taken as its as-of time
 * @param observedAt when the closing event that first saw it reached the worker
 */
public record HeldChain(String underlying, OptionChain chain, Instant observedAt) {

    public HeldChain {
        Objects.requireNonNull(underlying, "underlying");
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(observedAt, "observedAt");
        if (chain.asOfTime() == null) {
            throw new IllegalArgumentException("the " + underlying + " chain as of " + chain.asOf()
                    + " needs the time it was taken");
        }
    }
}
