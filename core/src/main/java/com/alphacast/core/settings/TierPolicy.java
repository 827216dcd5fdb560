package com.alphacast.core.settings;

import com.alphacast.core.distribution.Channel;
import java.util.List;
import java.util.Map;

/**
 * How one tier receives signals.
 *
 * @param delaySeconds how long after approval the tier receives a signal (0 to 900, SQS's per-message limit)
 * @param destinations per channel, the chat ids / channels / accounts the tier's messages go to
 */
public record TierPolicy(int delaySeconds, Map<Channel, List<String>> destinations) {

    public TierPolicy {
        if (delaySeconds < 0 || delaySeconds > 900) {
            throw new IllegalArgumentException("delaySeconds must be within 0..900 (SQS limit), was " + delaySeconds);
        }
        destinations = Map.copyOf(destinations);
    }
}
