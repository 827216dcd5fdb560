package com.alphacast.core.usecase.publication;

import com.alphacast.core.distribution.Tier;
import com.alphacast.core.publication.Publication;
import com.alphacast.core.publication.TierRelease;
import com.alphacast.core.settings.TierPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Publishes anything subscribers are told (the entry point of the order, position and morning functions): one
 * release per tier, each held back by the tier's delay. An update to a signal counts that delay from the
 * signal's own approval, so a tier hears of a fill or a close no earlier than of the signal itself, and no later
 * than it has to; the distribution function then also waits for the tier's signal delivery to be done before it
 * sends the update under it.
 */
public final class PublicationRelease {

    private final Map<Tier, TierPolicy> tiers;
    private final ReleaseQueue queue;
    private final SignalReleases signals;
    private final Clock clock;

    public PublicationRelease(Map<Tier, TierPolicy> tiers, ReleaseQueue queue, SignalReleases signals, Clock clock) {
        this.tiers = new EnumMap<>(tiers);
        this.queue = Objects.requireNonNull(queue, "queue");
        this.signals = Objects.requireNonNull(signals, "signals");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A scheduled release: what goes to the queue and after how many seconds. */
    public record Scheduled(TierRelease release, int delaySeconds) {
    }

    /**
     * Releases {@code publication} to every tier with destinations it is for (a morning briefing: the tiers it has
     * text for).
     *
     * @return what was enqueued, in tier order
     * @throws IllegalArgumentException when the queue could never carry one of the releases; nothing is enqueued then
     */
    public List<Scheduled> publish(Publication publication) {
        Instant now = clock.instant();
        Instant countFrom = publication.follows().flatMap(signals::approvedAt).orElse(now);
        List<Scheduled> scheduled = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (Map.Entry<Tier, TierPolicy> tier : tiers.entrySet()) {
            if (tier.getValue().destinations().isEmpty()) {
                continue;
            }
            if (publication instanceof Publication.MorningBriefing briefing
                    && !briefing.textByTier().containsKey(tier.getKey())) {
                continue;
            }
            TierRelease release = new TierRelease(publication, tier.getKey(), now);
            int delay = delaySeconds(tier.getValue().delaySeconds(), countFrom, now);
            for (String refusal : queue.refusals(release)) {
                refusals.add(release.key() + ": " + refusal);
            }
            scheduled.add(new Scheduled(release, delay));
        }
        if (!refusals.isEmpty()) {
            throw new IllegalArgumentException(publication.kind() + " " + publication.id() + " cannot be published: "
                    + String.join("; ", refusals));
        }
        for (Scheduled release : scheduled) {
            queue.enqueue(release.release(), release.delaySeconds());
        }
        return List.copyOf(scheduled);
    }

    /** What is left of the tier's delay since {@code countFrom} (the signal's approval for an update). */
    private static int delaySeconds(int tierDelay, Instant countFrom, Instant now) {
        long elapsed = Math.max(0, Duration.between(countFrom, now).getSeconds());
        return (int) Math.max(0, tierDelay - elapsed);
    }
}
