package com.alphacast.core.distribution;

import com.alphacast.core.publication.Publication;
import com.alphacast.core.publication.TierRelease;
import com.alphacast.core.signal.Signal;
import java.time.Instant;
import java.util.Objects;

/**
 * An approved signal released to one tier, as the risk check forwards it. Lower tiers are released later (the
 * queue delays the message by the tier's delay).
 *
 * @param signal     the approved signal
 * @param tier       the tier it is released to
 * @param approvedAt when the risk check approved it
 */
public record TierDispatch(Signal signal, Tier tier, Instant approvedAt) {

    public TierDispatch {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(approvedAt, "approvedAt");
    }

    /** The release the distribution function receives: the signal as a publication to this tier. */
    public TierRelease release() {
        return new TierRelease(new Publication.NewSignal(signal), tier, approvedAt);
    }
}
