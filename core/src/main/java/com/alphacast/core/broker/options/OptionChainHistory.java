package com.alphacast.core.broker.options;

import com.alphacast.core.options.OptionChain;
import java.time.Instant;
import java.util.List;

/** The stored chain snapshots of an underlying over time: what option positions are checked against. */
public interface OptionChainHistory extends OptionQuotes {

    /**
     * The chains in effect from {@code from} to {@code to}, oldest first: the last one taken at or before
     * {@code from} (if any), then every one taken after it up to {@code to}. Each carries the time it was taken as
     * its {@link OptionChain#asOfTime()}.
     */
    List<OptionChain> chainsInEffect(String underlying, Instant from, Instant to);
}
