package com.alphacast.core.broker.options;

import com.alphacast.core.options.OptionChain;
import java.time.Instant;
import java.util.Optional;

/** Where the option paper broker looks up chain quotes (a replayed recording or the live chain). */
public interface OptionQuotes {

    /** The last chain snapshot of {@code underlying} taken at or before {@code time}. */
    Optional<OptionChain> chainAtOrBefore(String underlying, Instant time);
}
