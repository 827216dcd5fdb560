package com.alphacast.core.usecase.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.ChannelSink;
import com.alphacast.core.distribution.Delivery;
import com.alphacast.core.distribution.DeliveryFailedException;
import com.alphacast.core.distribution.DeliveryResult;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.distribution.TierDispatch;
import com.alphacast.core.publication.Publication;
import com.alphacast.core.publication.TierRelease;
import com.alphacast.core.trading.Fill;
import com.alphacast.core.settings.ChannelSettings;
import com.alphacast.core.settings.DistributionSettings;
import com.alphacast.core.settings.TierPolicy;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TieredDistributionTest {

    private static final Instant AT = Instant.parse("2011-07-31T22:10:00Z");
    private static final Signal SIGNAL = new Signal("s1", "volume-spike", "ES", "ESU1", Direction.SHORT, 1303.5,
            1305.0, 1300.5, 1, 0.66, "test", AT, AT);
    private static final ChannelSettings OUTBOX = new ChannelSettings(ChannelSettings.SinkKind.OUTBOX, Optional.empty(), "");
    private static final DistributionSettings SETTINGS = new DistributionSettings(".alphacast/outbox", Map.of(
            Tier.PREMIUM, new TierPolicy(0, Map.of(Channel.TELEGRAM, List.of("-1001", "-1002"),
                    Channel.DISCORD, List.of("webhook:1"))),
            Tier.BASIC, new TierPolicy(120, Map.of(Channel.TELEGRAM, List.of("-2001"))),
            Tier.FREE, new TierPolicy(600, Map.of())),
            Map.of(Channel.TELEGRAM, OUTBOX, Channel.DISCORD, OUTBOX));

    private final InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger();
    private final RecordingSink telegram = new RecordingSink(Channel.TELEGRAM);
    private final RecordingSink discord = new RecordingSink(Channel.DISCORD);
    /** What the other invocation does while this one waits for its claim (nothing: it keeps holding it). */
    private Runnable otherInvocation = () -> { };
    private final List<Duration> pauses = new ArrayList<>();
    private final TieredDistribution distribution = new TieredDistribution(SETTINGS,
            Map.of(Channel.TELEGRAM, telegram, Channel.DISCORD, discord), ledger,
            Clock.fixed(AT.plusSeconds(1), ZoneOffset.UTC),
            new TieredDistribution.ClaimWait(Duration.ofSeconds(5), Duration.ofMillis(20), Duration.ofMillis(250),
                    pause -> {
                        pauses.add(pause);
                        otherInvocation.run();
                    }));

    private static TierRelease dispatch(Tier tier) {
        return new TierDispatch(SIGNAL, tier, AT).release();
    }

    private static TierRelease fill(Tier tier) {
        Fill fill = new Fill("s1", "s1", "ESU1", Direction.SHORT, 1, 1303.5, AT.plusSeconds(1));
        return new TierRelease(new Publication.Filled(fill, "ES"), tier, AT.plusSeconds(1));
    }

    @Test
    void redeliveredReleaseReachesEveryDestinationOfItsTierOnce() throws Exception {
        List<Delivery> first = distribution.distribute(dispatch(Tier.PREMIUM)).completed();
        List<Delivery> again = distribution.distribute(dispatch(Tier.PREMIUM)).completed();

        assertThat(first).extracting(Delivery::destination).containsExactlyInAnyOrder("-1001", "-1002", "webhook:1");
        assertThat(again).isEmpty();
        assertThat(telegram.sent).containsExactlyInAnyOrder("-1001", "-1002");
        assertThat(discord.sent).containsExactly("webhook:1");
        assertThat(ledger.done()).hasSize(3);
    }

    @Test
    void eachTierReachesOnlyItsOwnDestinations() throws Exception {
        distribution.distribute(dispatch(Tier.BASIC)).completed();
        distribution.distribute(dispatch(Tier.FREE)).completed();

        assertThat(telegram.sent).containsExactly("-2001");
        assertThat(discord.sent).isEmpty();
    }

    @Test
    void transientFailureIsRetriedAloneWhileTheOtherDestinationsAreDone() throws Exception {
        telegram.failNext.add("-1002");

        assertThatThrownBy(() -> distribution.distribute(dispatch(Tier.PREMIUM)))
                .isInstanceOf(DeliveryFailedException.class).hasMessageContaining("s1|premium|telegram|-1002");
        List<Delivery> retry = distribution.distribute(dispatch(Tier.PREMIUM)).completed();

        assertThat(retry).extracting(Delivery::destination).containsExactly("-1002");
        assertThat(telegram.sent).containsExactlyInAnyOrder("-1001", "-1002");
        assertThat(discord.sent).containsExactly("webhook:1");
    }

    @Test
    void permanentRefusalIsRecordedAndNotRetried() throws Exception {
        telegram.refuse.add("-1001");

        distribution.distribute(dispatch(Tier.PREMIUM)).completed();
        distribution.distribute(dispatch(Tier.PREMIUM)).completed();

        assertThat(ledger.done().get("s1|premium|telegram|-1001"))
                .isEqualTo(new DeliveryResult.Rejected("chat not found"));
        assertThat(telegram.attempts).filteredOn("-1001"::equals).hasSize(1);
    }

    @Test
    void destinationStillClaimedByAnotherInvocationAfterTheWaitIsReportedForTheCallerToTryAgain() throws Exception {
        Delivery elsewhere = new Delivery(new Publication.NewSignal(SIGNAL), Tier.PREMIUM, Channel.DISCORD, "webhook:1");
        ledger.claimedElsewhere(elsewhere);

        TieredDistribution.Outcome outcome = distribution.distribute(dispatch(Tier.PREMIUM));

        assertThat(outcome.heldElsewhere()).extracting(Delivery::id).containsExactly(elsewhere.id());
        assertThat(outcome.unfinished()).isTrue();
        assertThat(discord.sent).isEmpty();
        assertThat(telegram.sent).containsExactlyInAnyOrder("-1001", "-1002");
        assertThat(pauses.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(5));
        assertThat(pauses).startsWith(Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofMillis(80),
                Duration.ofMillis(160), Duration.ofMillis(250));
    }

    @Test
    void duplicateOfADeliverySentMeanwhileByAnotherInvocationSucceedsWithoutSendingAgain() throws Exception {
        Delivery elsewhere = new Delivery(new Publication.NewSignal(SIGNAL), Tier.PREMIUM, Channel.DISCORD, "webhook:1");
        ledger.claimedElsewhere(elsewhere);
        otherInvocation = () -> ledger.complete(elsewhere, new DeliveryResult.Sent("discord-msg-7"), AT.plusSeconds(1));

        TieredDistribution.Outcome outcome = distribution.distribute(dispatch(Tier.PREMIUM));

        assertThat(discord.sent).isEmpty();
        assertThat(outcome.completed()).extracting(Delivery::destination).containsExactlyInAnyOrder("-1001", "-1002");
        assertThat(ledger.done().get(elsewhere.id())).isEqualTo(new DeliveryResult.Sent("discord-msg-7"));
        assertThat(pauses).hasSize(1);
    }

    @Test
    void claimGivenBackByAFailedInvocationIsTakenOverAndSentOnce() throws Exception {
        Delivery elsewhere = new Delivery(new Publication.NewSignal(SIGNAL), Tier.PREMIUM, Channel.DISCORD, "webhook:1");
        ledger.claimedElsewhere(elsewhere);
        otherInvocation = () -> ledger.release(elsewhere);

        TieredDistribution.Outcome outcome = distribution.distribute(dispatch(Tier.PREMIUM));

        assertThat(discord.sent).containsExactly("webhook:1");
        assertThat(outcome.completed()).extracting(Delivery::destination)
                .containsExactlyInAnyOrder("-1001", "-1002", "webhook:1");
    }

    @Test
    void withoutAClaimWaitAHeldDeliveryIsReportedAtOnce() throws Exception {
        TieredDistribution impatient = new TieredDistribution(SETTINGS,
                Map.of(Channel.TELEGRAM, telegram, Channel.DISCORD, discord), ledger,
                Clock.fixed(AT.plusSeconds(1), ZoneOffset.UTC), TieredDistribution.ClaimWait.none());
        ledger.claimedElsewhere(new Delivery(new Publication.NewSignal(SIGNAL), Tier.PREMIUM, Channel.DISCORD, "webhook:1"));

        TieredDistribution.Outcome outcome = impatient.distribute(dispatch(Tier.PREMIUM));

        assertThat(outcome.heldElsewhere()).extracting(Delivery::destination).containsExactly("webhook:1");
        assertThat(pauses).isEmpty();
    }

    @Test
    void updateWaitsForItsTiersSignalAtEachDestination() throws Exception {
        distribution.distribute(dispatch(Tier.BASIC));

        TieredDistribution.Outcome premium = distribution.distribute(fill(Tier.PREMIUM));
        TieredDistribution.Outcome basic = distribution.distribute(fill(Tier.BASIC));

        assertThat(premium.completed()).isEmpty();
        assertThat(premium.awaiting()).extracting(Delivery::destination)
                .containsExactlyInAnyOrder("-1001", "-1002", "webhook:1");
        assertThat(basic.completed()).extracting(Delivery::destination).containsExactly("-2001");
        assertThat(basic.awaiting()).isEmpty();
    }

    @Test
    void updateIsThreadedUnderTheMessageItsSignalBecame() throws Exception {
        telegram.refuse.add("-1002");
        distribution.distribute(dispatch(Tier.PREMIUM));

        distribution.distribute(fill(Tier.PREMIUM));

        assertThat(telegram.replies).containsEntry("fill:s1:" + AT.plusSeconds(1).toEpochMilli() + "|-1001", "m1");
        assertThat(telegram.replies).containsEntry("fill:s1:" + AT.plusSeconds(1).toEpochMilli() + "|-1002", "");
        assertThat(discord.replies).containsValue("m1");
    }

    /** A sink that records what it sent and fails or refuses the destinations it is told to. */
    private static final class RecordingSink implements ChannelSink {

        private final Channel channel;
        private final List<String> attempts = new ArrayList<>();
        private final List<String> sent = new ArrayList<>();
        private final Set<String> failNext = new HashSet<>();
        private final Set<String> refuse = new HashSet<>();
        private final Map<String, String> replies = new java.util.HashMap<>();

        RecordingSink(Channel channel) {
            this.channel = channel;
        }

        @Override
        public Channel channel() {
            return channel;
        }

        @Override
        public DeliveryResult deliver(Delivery delivery) throws DeliveryFailedException {
            attempts.add(delivery.destination());
            replies.put(delivery.publication().id() + "|" + delivery.destination(), delivery.inReplyTo().orElse(""));
            if (failNext.remove(delivery.destination())) {
                throw new DeliveryFailedException("timed out");
            }
            if (refuse.contains(delivery.destination())) {
                return new DeliveryResult.Rejected("chat not found");
            }
            sent.add(delivery.destination());
            return new DeliveryResult.Sent("m" + sent.size());
        }
    }
}
