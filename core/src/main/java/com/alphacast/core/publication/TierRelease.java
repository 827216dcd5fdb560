package com.alphacast.core.publication;

import com.alphacast.core.distribution.Tier;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A publication released to one tier: the unit of work of the distribution function (one DeliveriesQueue message).
 *
 * @param publication what the tier is told
 * @param tier        the tier whose rules decide how much it sees
 * @param releasedAt  when the publication was released (decided or produced), before the tier's delay
 */
public record TierRelease(Publication publication, Tier tier, Instant releasedAt) {

    /**
     * Which of several releases to deliver first: higher tiers first (the premium tier is promised the shortest
     * path; {@link Tier} declares the tiers highest first), and within a tier new signals before everything else
     * (an update waits for its signal's delivery anyway); otherwise as given, when sorted stably.
     */
    public static final Comparator<TierRelease> MOST_URGENT_FIRST = Comparator.comparing(TierRelease::tier)
            .thenComparing(release -> !(release.publication() instanceof Publication.NewSignal));

    public TierRelease {
        Objects.requireNonNull(publication, "publication");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(releasedAt, "releasedAt");
    }

    /** Identifies the release among all others: the publication and the tier. */
    public String key() {
        return publication.id() + "|" + tier.key();
    }
}
