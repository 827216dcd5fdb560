package com.alphacast.bots.command.data;

import com.alphacast.core.distribution.Tier;
import com.alphacast.core.signal.Signal;
import java.util.List;

/** Signals already distributed. */
public interface SignalHistory {

    /**
     * The latest {@code count} signals {@code tier} has already been sent, newest first: a signal released to a
     * tier after a delay is not listed for that tier before the delay has passed.
     */
    List<Signal> recent(Tier tier, int count);
}
