package com.alphacast.core.usecase.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.publication.Publication;
import com.alphacast.core.publication.TierRelease;
import com.alphacast.core.settings.TierPolicy;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.trading.Fill;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublicationReleaseTest {

    private static final Instant APPROVED = Instant.parse("2011-07-31T22:10:00Z");
    private static final Map<Tier, TierPolicy> TIERS = Map.of(
            Tier.PREMIUM, new TierPolicy(0, Map.of(Channel.TELEGRAM, List.of("-1001"))),
            Tier.BASIC, new TierPolicy(300, Map.of(Channel.TELEGRAM, List.of("-2001"))),
            Tier.FREE, new TierPolicy(900, Map.of(Channel.TELEGRAM, List.of("-3001"))));

    private final List<String> enqueued = new ArrayList<>();
    private final RecordingQueue queue = new RecordingQueue();

    private PublicationRelease releaseAt(Instant now, Optional<Instant> approvedAt) {
        return new PublicationRelease(TIERS, queue, signalId -> approvedAt, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Publication.Filled fill() {
        return new Publication.Filled(new Fill("s1", "s1", "ESU1", Direction.SHORT, 1, 1303.5, APPROVED), "ES");
    }

    @Test
    void updateReachesEachTierWhatIsLeftOfItsDelaySinceTheSignalsApproval() {
        releaseAt(APPROVED.plusSeconds(120), Optional.of(APPROVED)).publish(fill());

        assertThat(enqueued).containsExactly("premium after 0 s", "basic after 180 s", "free after 780 s");
    }

    @Test
    void updateLaterThanEveryTiersDelayGoesOutAtOnce() {
        releaseAt(APPROVED.plusSeconds(3_600), Optional.of(APPROVED)).publish(fill());

        assertThat(enqueued).containsExactly("premium after 0 s", "basic after 0 s", "free after 0 s");
    }

    @Test
    void updateOfAnUnknownApprovalWaitsEachTiersWholeDelay() {
        releaseAt(APPROVED.plusSeconds(120), Optional.empty()).publish(fill());

        assertThat(enqueued).containsExactly("premium after 0 s", "basic after 300 s", "free after 900 s");
    }

    @Test
    void morningBriefingGoesOnlyToTheTiersItHasTextFor() {
        LocalDate session = LocalDate.of(2026, 11, 27);
        releaseAt(APPROVED, Optional.empty()).publish(new Publication.MorningBriefing(
                Publication.MorningBriefing.idOf(session), session, APPROVED, "Levels",
                Map.of(Tier.PREMIUM, "full", Tier.FREE, "short"), false));

        assertThat(enqueued).containsExactly("premium after 0 s", "free after 900 s");
    }

    @Test
    void publicationTheQueueCannotCarryIsSentToNoTier() {
        queue.refuseTier = Tier.FREE;

        assertThatThrownBy(() -> releaseAt(APPROVED, Optional.of(APPROVED)).publish(fill()))
                .hasMessageContaining("|free: too large").hasMessageContaining("filled");
        assertThat(enqueued).isEmpty();
    }

    private final class RecordingQueue implements ReleaseQueue {
        Tier refuseTier;

        @Override
        public List<String> refusals(TierRelease release) {
            return release.tier() == refuseTier ? List.of("too large") : List.of();
        }

        @Override
        public void enqueue(TierRelease release, int delaySeconds) {
            enqueued.add(release.tier().key() + " after " + delaySeconds + " s");
        }
    }
}
