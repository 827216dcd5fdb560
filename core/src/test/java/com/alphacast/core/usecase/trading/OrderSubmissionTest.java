package com.alphacast.core.usecase.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.core.broker.Broker;
import com.alphacast.core.broker.BrokerException;
import com.alphacast.core.broker.PaperBroker;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.market.Bar;
import com.alphacast.core.publication.Publication;
import com.alphacast.core.settings.TierPolicy;
import com.alphacast.core.usecase.publication.PublicationRelease;
import com.alphacast.core.usecase.publication.RecordingReleaseQueue;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.Fill;
import com.alphacast.core.trading.Order;
import com.alphacast.core.trading.PositionExit;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderSubmissionTest {

    private static final Instant BAR_END = Instant.parse("2011-07-31T22:10:00Z");
    private static final Clock CLOCK = Clock.fixed(BAR_END.plusSeconds(2), ZoneOffset.UTC);
    private static final Map<Tier, TierPolicy> TIERS = Map.of(
            Tier.PREMIUM, new TierPolicy(0, Map.of(Channel.TELEGRAM, List.of("-1001"))),
            Tier.FREE, new TierPolicy(60, Map.of(Channel.TELEGRAM, List.of("-3001"))));

    private final InMemoryTradingLedger ledger = new InMemoryTradingLedger();
    private final RecordedMarket market = new RecordedMarket();
    private final RecordingReleaseQueue queue = new RecordingReleaseQueue();
    private final List<Bar> exitChecks = new ArrayList<>();
    private final List<String> held = new ArrayList<>(List.of(shortSignal().id()));
    private final List<String> releasedUnfilled = new ArrayList<>();
    private final RiskSlots slots = new RiskSlots() {
        @Override
        public boolean release(PositionExit exit) {
            throw new AssertionError("the order function closes no position, so it gives no exit's slot back");
        }

        @Override
        public boolean releaseUnfilled(String signalId, Instant at) {
            releasedUnfilled.add(signalId + " " + at);
            return held.remove(signalId);
        }

    };
    private final OrderSubmission submission = new OrderSubmission(new PaperBroker(market, 0.25, 1), ledger, market,
            new PublicationRelease(TIERS, queue, signalId -> Optional.of(BAR_END), CLOCK), exitChecks::add, slots, CLOCK);

    private static Bar bar(Instant end, double open, double high, double low, double close) {
        return new Bar("ES", end.minusSeconds(60).toEpochMilli(), end.toEpochMilli(), open, high, low, close, 1000, 100);
    }

    /** Short ES at 1303.5, stop 1305, target 1300.5, fired on the bar ending at {@link #BAR_END}. */
    private static Signal shortSignal() {
        return new Signal("volume-spike:ESU1:" + BAR_END, "volume-spike", "ES", "ESU1", Direction.SHORT, 1303.5, 1305.0,
                1300.5, 2, 0.66, "test", BAR_END, BAR_END);
    }

    @Test
    void redeliveredApprovalGivesOneOrderFilledAtTheSignalsSnapshotWithSlippage() throws Exception {
        market.add(bar(BAR_END, 1305.0, 1305.25, 1303.25, 1303.5));

        OrderOutcome first = submission.submit(shortSignal());
        OrderOutcome again = submission.submit(shortSignal());

        // A sell fills one tick below the last price.
        assertThat(first).isInstanceOfSatisfying(OrderOutcome.Filled.class, filled -> {
            assertThat(filled.fill().price()).isEqualTo(1303.25);
            assertThat(filled.fill().quantity()).isEqualTo(2);
            assertThat(filled.fill().time()).isEqualTo(BAR_END);
        });
        assertThat(again).isEqualTo(new OrderOutcome.AlreadyOnRecord(shortSignal().id()));
        assertThat(releasedUnfilled).isEmpty();
        assertThat(ledger.fills()).hasSize(1);
        assertThat(ledger.openPositions()).singleElement().satisfies(p -> assertThat(p.entryPrice()).isEqualTo(1303.25));
    }

    @Test
    void fillIsPublishedToEveryTierCountedFromTheSignalsApproval() throws Exception {
        market.add(bar(BAR_END, 1305.0, 1305.25, 1303.25, 1303.5));

        Fill fill = ((OrderOutcome.Filled) submission.submit(shortSignal())).fill();

        assertThat(queue.publications()).containsExactly(new Publication.Filled(fill, "ES"));
        // Two seconds after the approval: the free tier waits what is left of its 60 s.
        assertThat(queue.enqueued()).extracting(e -> e.release().tier().key() + " " + e.delaySeconds())
                .containsExactly("premium 0", "free 58");
    }

    @Test
    void newPositionIsHandedToThePositionFunctionForTheBarsThatClosedMeanwhile() throws Exception {
        market.add(bar(BAR_END, 1305.0, 1305.25, 1303.25, 1303.5));
        // The next bar closed before the order arrived and went through the stop (1305).
        market.add(bar(BAR_END.plusSeconds(60), 1303.5, 1305.5, 1303.0, 1305.25));

        submission.submit(shortSignal());

        // The order function decides no exit: the position stays open until the position function checks it.
        assertThat(ledger.openPositions()).hasSize(1);
        assertThat(ledger.closed()).isEmpty();
        assertThat(exitChecks).extracting(Bar::end).containsExactly(BAR_END.plusSeconds(60));
    }

    @Test
    void redeliveryPublishesTheRecordedFillAgainWhenTheFirstAttemptFailedAfterRecording() throws Exception {
        market.add(bar(BAR_END, 1305.0, 1305.25, 1303.25, 1303.5));
        OrderSubmission failingToPublish = new OrderSubmission(new PaperBroker(market, 0.25, 1), ledger, market,
                new PublicationRelease(TIERS, new RecordingReleaseQueue().unavailable(true), signalId -> Optional.of(BAR_END),
                        CLOCK), exitChecks::add, slots, CLOCK);

        assertThatThrownBy(() -> failingToPublish.submit(shortSignal())).hasMessageContaining("queue unavailable");
        OrderOutcome retried = submission.submit(shortSignal());

        assertThat(retried).isInstanceOf(OrderOutcome.AlreadyOnRecord.class);
        assertThat(ledger.fills()).hasSize(1);
        assertThat(queue.publications()).containsExactly(new Publication.Filled(ledger.fills().get(0), "ES"));
    }

    @Test
    void orderTheBrokerRefusesIsRecordedRejectedOnceAndGivesItsSlotBack() throws Exception {
        // No snapshot of ES at all: the paper broker has no market to fill against, now or later.
        OrderOutcome first = submission.submit(shortSignal());
        OrderOutcome redelivered = submission.submit(shortSignal());

        assertThat(first).isInstanceOfSatisfying(OrderOutcome.Rejected.class, rejected ->
                assertThat(rejected.reason()).contains("refused by paper").contains("no market snapshot for ES"));
        assertThat(redelivered).isEqualTo(new OrderOutcome.AlreadyOnRecord(shortSignal().id()));
        assertThat(ledger.rejections()).containsOnlyKeys(shortSignal().id());
        assertThat(ledger.fills()).isEmpty();
        assertThat(ledger.openPositions()).isEmpty();
        assertThat(held).isEmpty();
        // The slot stops counting from the signal's own market time; giving it back twice is harmless.
        assertThat(releasedUnfilled).containsOnly(shortSignal().id() + " " + BAR_END).hasSize(2);
        assertThat(queue.publications()).isEmpty();
        assertThat(exitChecks).isEmpty();
    }

    @Test
    void transientBrokerFailureRecordsNothingUntilItsAttemptsRunOutThenRejects() {
        Broker unavailable = new Broker() {
            @Override
            public String name() {
                return "ib";
            }

            @Override
            public Fill submit(Order order, Signal signal) throws BrokerException {
                throw new BrokerException("gateway not connected");
            }
        };
        OrderSubmission failing = new OrderSubmission(unavailable, ledger, market,
                new PublicationRelease(TIERS, queue, signalId -> Optional.of(BAR_END), CLOCK), exitChecks::add, slots,
                CLOCK);

        assertThatThrownBy(() -> failing.submit(shortSignal())).isInstanceOf(BrokerException.class)
                .hasMessage("gateway not connected");
        assertThat(ledger.order(shortSignal().id())).isEmpty();
        assertThat(held).containsExactly(shortSignal().id());

        OrderOutcome abandoned = failing.abandon(shortSignal(), "broker unavailable after 3 attempts");

        assertThat(abandoned).isEqualTo(new OrderOutcome.Rejected(shortSignal().id(), "broker unavailable after 3 attempts"));
        assertThat(ledger.rejections()).containsEntry(shortSignal().id(), "broker unavailable after 3 attempts");
        assertThat(held).isEmpty();
        assertThat(ledger.openPositions()).isEmpty();
    }

    @Test
    void abandoningAnOrderThatWasFilledKeepsItsPositionAndSlot() throws Exception {
        market.add(bar(BAR_END, 1305.0, 1305.25, 1303.25, 1303.5));
        submission.submit(shortSignal());

        OrderOutcome abandoned = submission.abandon(shortSignal(), "retries ran out after the fill was recorded");

        assertThat(abandoned).isInstanceOf(OrderOutcome.AlreadyOnRecord.class);
        assertThat(ledger.rejections()).isEmpty();
        assertThat(ledger.openPositions()).hasSize(1);
        assertThat(held).containsExactly(shortSignal().id());
        assertThat(releasedUnfilled).isEmpty();
    }
}
