package com.alphacast.core.usecase.approval;

import com.alphacast.core.latency.QueueArrival;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.core.calendar.TradingSession;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.distribution.TierDispatch;
import com.alphacast.core.market.Bar;
import com.alphacast.core.risk.KillSwitch;
import com.alphacast.core.risk.RecordedDecision;
import com.alphacast.core.risk.RiskCheck;
import com.alphacast.core.risk.RiskDecision;
import com.alphacast.core.risk.RiskLimits;
import com.alphacast.core.risk.RiskState;
import com.alphacast.core.settings.TierPolicy;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.ExitReason;
import com.alphacast.core.trading.Position;
import com.alphacast.core.trading.PositionExit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignalApprovalTest {

    private static final Instant MARKET = Instant.parse("2011-07-31T22:10:00Z");
    private static final LocalDate TRADING_DAY = LocalDate.parse("2011-08-01");
    private static final Map<Tier, TierPolicy> TIERS = Map.of(
            Tier.PREMIUM, new TierPolicy(0, Map.of(Channel.TELEGRAM, List.of("-1001000000001"))),
            Tier.BASIC, new TierPolicy(120, Map.of(Channel.DISCORD, List.of("webhook:1"))),
            Tier.FREE, new TierPolicy(600, Map.of()));

    private final InMemoryRiskLedger ledger = new InMemoryRiskLedger();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final List<Forward> published = publisher.published;
    private final List<String> exitWaits = new ArrayList<>();
    /** Records each wait as the signal's market time and the positions it waited for (underlying:id, sorted). */
    private final ExitProgress exitProgress = (marketTime, counted, recount) -> {
        exitWaits.add(marketTime + " " + counted.stream().filter(CountedPosition::exitUndecided)
                .map(position -> position.underlying() + ":" + position.signalId()).sorted().toList());
        return true;
    };

    private SignalApproval approval(RiskLimits limits, Instant now) {
        return new SignalApproval(new RiskCheck(limits), ledger,
                publisher, exitProgress, TradingSession.cmeGlobex(), TIERS, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static RiskLimits limits(int maxOpen, int maxPerDay) {
        return new RiskLimits(maxOpen, maxPerDay, 3, 1.5, 60);
    }

    /** A long ES signal: entry 1300, stop 1298.5, target 1303 (reward/risk 2). */
    private static Signal signal(String id, Instant marketTime) {
        return signal(id, marketTime, "test");
    }

    private static Signal signal(String id, Instant marketTime, String rationale) {
        return new Signal(id, "volume-spike", "ES", "ESU1", Direction.LONG, 1300.0, 1298.5, 1303.0, 1, 0.7, rationale,
                marketTime, marketTime);
    }

    @Test
    void approvalIsSentToEveryTierWithDestinationsAtTheTiersDelayPremiumFirstThenToOrders() {
        Signal signal = signal("s1", MARKET);

        RiskDecision decision = approval(limits(2, 5), MARKET.plusSeconds(1)).decide(signal);

        assertThat(decision.approved()).isTrue();
        assertThat(published).extracting(Forward::key).containsExactly("tier:premium", "tier:basic", "orders");
        assertThat(published.get(0)).isEqualTo(new Forward.ToTier(
                new TierDispatch(signal, Tier.PREMIUM, decision.decidedAt()), 0));
        assertThat(((Forward.ToTier) published.get(1)).delaySeconds()).isEqualTo(120);
        assertThat(ledger.decisionFor("s1")).hasValueSatisfying(d -> assertThat(d.tradingDay()).isEqualTo(TRADING_DAY));
        assertThat(ledger.openPositions()).isEqualTo(1);
        assertThat(ledger.approvedOn(TRADING_DAY)).isEqualTo(1);
    }

    @Test
    void redeliveredSignalReusesTheRecordedDecisionAndIsCountedOnce() {
        Signal signal = signal("s1", MARKET);
        RiskDecision first = approval(limits(2, 5), MARKET.plusSeconds(1)).decide(signal);

        // An hour later the signal would be stale if it were evaluated again.
        RiskDecision again = approval(limits(2, 5), MARKET.plusSeconds(3600)).decide(signal);

        assertThat(again).isEqualTo(first);
        assertThat(ledger.decisions()).hasSize(1);
        assertThat(ledger.openPositions()).isEqualTo(1);
        assertThat(ledger.approvedOn(TRADING_DAY)).isEqualTo(1);
        // Every forward was sent and marked done the first time: the redelivery has nothing left to send.
        assertThat(published).extracting(Forward::key).containsExactly("tier:premium", "tier:basic", "orders");
        assertThat(ledger.decisionFor("s1").orElseThrow().pendingForwards()).isEmpty();
    }

    @Test
    void rejectsSignalWhoseForwardsCouldNeverBeSentAndTakesNoSlot() {
        // The transport takes at most 64 characters of rationale, and only characters it can carry.
        publisher.refuseWhen(f -> f.signal().rationale().length() > 64 ? "message too large for the queue"
                : f.signal().rationale().indexOf('\u0000') >= 0 ? "character U+0000 is not allowed" : null);

        RiskDecision oversized = approval(limits(2, 5), MARKET.plusSeconds(1))
                .decide(signal("s1", MARKET, "x".repeat(65)));
        RiskDecision refusedCharacter = approval(limits(2, 5), MARKET.plusSeconds(1))
                .decide(signal("s2", MARKET, "nul\u0000"));

        assertThat(oversized.approved()).isFalse();
        assertThat(oversized.reasons()).containsExactly(
                "forward tier:premium cannot be sent: message too large for the queue",
                "forward tier:basic cannot be sent: message too large for the queue",
                "forward orders cannot be sent: message too large for the queue");
        assertThat(refusedCharacter.reasons()).contains("forward orders cannot be sent: character U+0000 is not allowed");
        // Both rejections are on record, with nothing pending, and hold no slot.
        assertThat(ledger.decisionFor("s1")).hasValueSatisfying(d -> {
            assertThat(d.decision().approved()).isFalse();
            assertThat(d.pendingForwards()).isEmpty();
        });
        assertThat(ledger.decisionFor("s2")).isPresent();
        assertThat(ledger.openPositions()).isZero();
        assertThat(ledger.approvedOn(TRADING_DAY)).isZero();
        assertThat(published).isEmpty();
    }

    @Test
    void forwardsAreRecordedAsPendingWithTheApprovalAndMarkedDoneOncePublished() {
        List<Set<String>> pendingAtEachPublish = new ArrayList<>();
        publisher.beforePublish(f -> pendingAtEachPublish.add(ledger.decisionFor("s1").orElseThrow().pendingForwards()));

        approval(limits(2, 5), MARKET.plusSeconds(1)).decide(signal("s1", MARKET));

        // All three are sent, then marked done together (one write, not one per forward).
        assertThat(pendingAtEachPublish).containsExactly(
                Set.of("orders", "tier:premium", "tier:basic"),
                Set.of("orders", "tier:premium", "tier:basic"),
                Set.of("orders", "tier:premium", "tier:basic"));
        assertThat(ledger.decisionFor("s1").orElseThrow().pendingForwards()).isEmpty();
        assertThat(ledger.forwardedWrites()).isEqualTo(1);
    }

    @Test
    void redeliveryAfterAPublishFailurePublishesEachPendingForwardExactlyOnce() {
        Signal signal = signal("s1", MARKET);
        publisher.failPublishing("tier:basic", 1);

        assertThatThrownBy(() -> approval(limits(2, 5), MARKET.plusSeconds(1)).decide(signal))
                .hasMessageContaining("queue unavailable");
        // Premium went out before basic failed, and is marked sent; basic and the order are still owed.
        assertThat(ledger.decisionFor("s1").orElseThrow().pendingForwards())
                .containsExactlyInAnyOrder("tier:basic", "orders");

        // SQS redelivers the signal; a second redelivery finds nothing left.
        RiskDecision retried = approval(limits(2, 5), MARKET.plusSeconds(2)).decide(signal);
        approval(limits(2, 5), MARKET.plusSeconds(3)).decide(signal);

        assertThat(retried.approved()).isTrue();
        assertThat(published).extracting(Forward::key).containsExactly("tier:premium", "tier:basic", "orders");
        assertThat(ledger.decisionFor("s1").orElseThrow().pendingForwards()).isEmpty();
        assertThat(ledger.openPositions()).isEqualTo(1);
        assertThat(ledger.approvedOn(TRADING_DAY)).isEqualTo(1);
    }

    @Test
    void publishesAnApprovalsForwardsInOneCallToThePublisher() {
        publisher.batchLikeSqs();

        approval(limits(2, 5), MARKET.plusSeconds(1)).decide(signal("s1", MARKET));

        assertThat(publisher.batches).isEqualTo(1);
        assertThat(published).extracting(Forward::key).containsExactly("tier:premium", "tier:basic", "orders");
        assertThat(ledger.forwardedWrites()).isEqualTo(1);
    }

    @Test
    void marksOnlyTheForwardsABatchSentAndTheRedeliverySendsTheRest() {
        Signal signal = signal("s1", MARKET);
        publisher.batchLikeSqs();
        publisher.failPublishing("tier:basic", 1);

        // The batch's middle entry fails; the entries after it were still sent and must not be sent again.
        assertThatThrownBy(() -> approval(limits(2, 5), MARKET.plusSeconds(1)).decide(signal))
                .hasMessageContaining("queue unavailable for tier:basic");
        assertThat(ledger.decisionFor("s1").orElseThrow().pendingForwards()).containsExactly("tier:basic");

        approval(limits(2, 5), MARKET.plusSeconds(2)).decide(signal);

        assertThat(published).extracting(Forward::key).containsExactly("tier:premium", "orders", "tier:basic");
        assertThat(ledger.decisionFor("s1").orElseThrow().pendingForwards()).isEmpty();
        assertThat(ledger.openPositions()).isEqualTo(1);
    }

    @Test
    void sweepRepublishesOnlyForwardsPendingLongerThanTheThresholdWithWhatIsLeftOfTheirDelay() {
        publisher.failPublishing("tier:premium", 2);
        assertThatThrownBy(() -> approval(limits(5, 5), MARKET.plusSeconds(1)).decide(signal("old", MARKET)))
                .hasMessageContaining("queue unavailable");
        Instant recent = MARKET.plusSeconds(50);
        assertThatThrownBy(() -> approval(limits(5, 5), recent).decide(signal("recent", recent.minusSeconds(1))))
                .hasMessageContaining("queue unavailable");

        int republished = approval(limits(5, 5), MARKET.plusSeconds(61)).republishStale(Duration.ofSeconds(30));

        assertThat(republished).isEqualTo(3);
        assertThat(published).extracting(f -> f.signal().id() + "/" + f.key())
                .containsExactly("old/tier:premium", "old/tier:basic", "old/orders");
        // Basic's 120 s delay counts from the decision, 60 s before the sweep.
        assertThat(((Forward.ToTier) published.get(1)).delaySeconds()).isEqualTo(60);
        assertThat(ledger.decisionFor("old").orElseThrow().pendingForwards()).isEmpty();
        assertThat(ledger.decisionFor("recent").orElseThrow().pendingForwards()).hasSize(3);
    }

    @Test
    void rejectsSignalWhileKillSwitchEngagedAndForwardsNothing() {
        ledger.setKillSwitch(new KillSwitch(true, "FOMC at 14:00", "ops@alphacast", MARKET));

        RiskDecision decision = approval(limits(2, 5), MARKET.plusSeconds(1)).decide(signal("s1", MARKET));

        assertThat(decision.approved()).isFalse();
        assertThat(decision.reasons()).containsExactly("kill switch engaged by ops@alphacast: FOMC at 14:00");
        assertThat(ledger.decisionFor("s1")).isPresent();
        assertThat(ledger.openPositions()).isZero();
        assertThat(published).isEmpty();
    }

    @Test
    void decidesAgainWhenAConcurrentApprovalTookTheLastSlot() {
        SignalApproval approval = approval(limits(1, 5), MARKET.plusSeconds(1));
        ledger.beforeNextCommit(() -> approval.decide(signal("other", MARKET)));

        RiskDecision decision = approval.decide(signal("s1", MARKET));

        assertThat(decision.approved()).isFalse();
        assertThat(decision.reasons()).containsExactly("max open positions reached (1 of 1)");
        assertThat(ledger.openPositions()).isEqualTo(1);
        assertThat(published).extracting(f -> f.signal().id()).containsOnly("other");
    }

    @Test
    void dailySignalLimitHoldsAcrossExitedPositions() {
        approval(limits(5, 1), MARKET.plusSeconds(1)).decide(signal("s1", MARKET));
        ledger.release(new PositionExit("s1", ExitReason.TARGET, 1303.0, MARKET.plusSeconds(60)));

        Instant later = MARKET.plusSeconds(120);
        RiskDecision second = approval(limits(5, 1), later.plusSeconds(1)).decide(signal("s2", later));

        assertThat(second.reasons()).containsExactly("daily signal limit reached (1 of 1)");
    }

    @Test
    void slotIsHeldUntilThePositionFunctionGivesItBack() {
        approval(limits(1, 5), MARKET.plusSeconds(1)).decide(signal("s1", MARKET));
        Instant later = MARKET.plusSeconds(120);

        // The market may have reached s1's target, but only the position function decides that.
        RiskDecision whileOpen = approval(limits(1, 5), later.plusSeconds(1)).decide(signal("s2", later));
        ledger.release(new PositionExit("s1", ExitReason.TARGET, 1303.0, MARKET.plusSeconds(60)));
        RiskDecision afterClose = approval(limits(1, 5), later.plusSeconds(2)).decide(signal("s3", later.plusSeconds(1)));

        assertThat(whileOpen.reasons()).singleElement().asString().contains("open positions");
        // With s1 open, s2 first waited for the position function to check the bars up to it; s3 had nothing to wait for.
        assertThat(exitWaits).containsExactly(later + " [ES:s1]");
        assertThat(afterClose.approved()).isTrue();
        assertThat(ledger.closedExposures()).extracting(PositionExit::signalId).containsExactly("s1");
        assertThat(ledger.openPositions()).isEqualTo(1);
    }

    @Test
    void approvesAtTheLimitWhenTheLedgersIndexHasNotCaughtUpWithAnExitBeforeTheSignal() {
        approval(limits(1, 5), MARKET.plusSeconds(1)).decide(signal("s1", MARKET));
        Instant later = MARKET.plusSeconds(120);
        List<CountedPosition> beforeTheExit = ledger.openAt(signal("s2", later));
        // The position function closed s1 before s2; the index the ledger counts from has not caught up yet.
        ledger.release(new PositionExit("s1", ExitReason.TARGET, 1303.0, MARKET.plusSeconds(60)));
        RiskLedger laggingIndex = new LaggingIndexLedger(ledger, beforeTheExit);

        RiskDecision s2 = new SignalApproval(new RiskCheck(limits(1, 5)), laggingIndex, publisher, exitProgress,
                TradingSession.cmeGlobex(), TIERS, Clock.fixed(later.plusSeconds(1), ZoneOffset.UTC))
                .decide(signal("s2", later));

        assertThat(beforeTheExit).extracting(CountedPosition::signalId).containsExactly("s1");
        assertThat(s2.approved()).as("s2 at the limit by the lagging index: %s", s2.reasons()).isTrue();
        assertThat(exitWaits).as("confirmed from the first count: nothing to wait for").isEmpty();
    }

    @Test
    void recountsInTheExitWaitAreConfirmedAgainstTheLedgersRecordsToo() {
        approval(limits(2, 5), MARKET.plusSeconds(1)).decide(signal("s0", MARKET));
        approval(limits(2, 5), MARKET.plusSeconds(2)).decide(signal("s1", MARKET.plusSeconds(1)));
        Instant later = MARKET.plusSeconds(120);
        List<CountedPosition> beforeTheExit = ledger.openAt(signal("s2", later));
        ledger.release(new PositionExit("s1", ExitReason.TARGET, 1303.0, MARKET.plusSeconds(60)));
        List<List<String>> recounts = new ArrayList<>();
        ExitProgress recounting = (marketTime, counted, recount) -> {
            recounts.add(recount.get().stream().map(CountedPosition::signalId).toList());
            return true;
        };

        // s0 still open holds the one slot: the wait runs, and its recount must not bring the closed s1 back
        RiskDecision s2 = new SignalApproval(new RiskCheck(limits(1, 5)), new LaggingIndexLedger(ledger, beforeTheExit),
                publisher, recounting, TradingSession.cmeGlobex(), TIERS,
                Clock.fixed(later.plusSeconds(1), ZoneOffset.UTC)).decide(signal("s2", later));

        assertThat(beforeTheExit).extracting(CountedPosition::signalId).containsExactly("s0", "s1");
        assertThat(recounts).containsExactly(List.of("s0"));
        assertThat(s2.reasons()).singleElement().asString().contains("max open positions reached (1 of 1)");
    }

    @Test
    void signalWithRoomUnderTheOpenPositionLimitIsDecidedWithoutWaitingForExits() {
        approval(limits(3, 5), MARKET.plusSeconds(1)).decide(signal("s1", MARKET));
        approval(limits(3, 5), MARKET.plusSeconds(2)).decide(signal("s2", MARKET.plusSeconds(1)));
        Instant later = MARKET.plusSeconds(120);

        // Two open (as far as the ledger knows) of three allowed: whatever exits are still to be checked can only
        // free slots, so they cannot change this decision.
        RiskDecision third = approval(limits(3, 5), later.plusSeconds(1)).decide(signal("s3", later));
        // At the limit the pending exits could free a slot: this one waits for them before it is rejected.
        RiskDecision fourth = approval(limits(3, 5), later.plusSeconds(2)).decide(signal("s4", later.plusSeconds(1)));

        assertThat(third.approved()).isTrue();
        assertThat(fourth.reasons()).singleElement().asString().contains("max open positions reached (3 of 3)");
        assertThat(exitWaits).containsExactly(later.plusSeconds(1) + " [ES:s1, ES:s2, ES:s3]");
    }

    @Test
    void positionClosedLaterInMarketTimeStillHoldsItsSlotForAnEarlierSignal() {
        approval(limits(1, 5), MARKET.plusSeconds(1)).decide(signal("s1", MARKET));
        // The position function ran ahead: it already closed s1 at a bar after s2's market time.
        ledger.release(new PositionExit("s1", ExitReason.STOP, 1298.5, MARKET.plusSeconds(28 * 60)));

        Instant s2Time = MARKET.plusSeconds(21 * 60);
        Instant s3Time = MARKET.plusSeconds(28 * 60);
        RiskDecision s2 = approval(limits(1, 5), s2Time.plusSeconds(1)).decide(signal("s2", s2Time));
        RiskDecision s3 = approval(limits(1, 5), s3Time.plusSeconds(1)).decide(signal("s3", s3Time));

        assertThat(s2.reasons()).singleElement().asString().contains("open positions");
        // s1's exit is decided (after s2): nothing the position function could still find changes s2's count.
        assertThat(exitWaits).containsExactly(s2Time + " []");
        // An exit at the signal's own market time has already given the slot back.
        assertThat(s3.approved()).isTrue();
    }

    @Test
    void signalEarlierInMarketTimeDoesNotCountALaterApprovalAsOpen() {
        approval(limits(1, 5), MARKET.plusSeconds(601)).decide(signal("late", MARKET.plusSeconds(600)));

        Signal early = new Signal("early", "volume-spike", "ES", "ESU1", Direction.LONG, 1300.0, 1298.5, 1303.0, 1, 0.7,
                "test", MARKET, MARKET.plusSeconds(601));

        RiskDecision decision = approval(limits(2, 5), MARKET.plusSeconds(602)).decide(early);

        assertThat(decision.approved()).isTrue();
        assertThat(exitWaits).isEmpty();
    }

    @Test
    void givesUpWithARetryableErrorWhenLimitsKeepChanging() {
        SignalApproval approval = new SignalApproval(new RiskCheck(limits(2, 5)), new AlwaysRacingLedger(ledger),
                publisher, exitProgress,
                TradingSession.cmeGlobex(), TIERS, Clock.fixed(MARKET.plusSeconds(1), ZoneOffset.UTC));

        assertThatThrownBy(() -> approval.decide(signal("s1", MARKET)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("s1").hasMessageContaining("will be retried");
        assertThat(published).isEmpty();
        assertThat(ledger.decisionFor("s1")).isEmpty();
    }

    /** Passes every call to {@code delegate}; a test ledger overrides what it changes. */
    private abstract static class ForwardingLedger implements RiskLedger {
        final RiskLedger delegate;

        ForwardingLedger(RiskLedger delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<RecordedDecision> decisionFor(String signalId) {
            return delegate.decisionFor(signalId);
        }

        @Override
        public RiskState state(LocalDate tradingDay) {
            return delegate.state(tradingDay);
        }

        @Override
        public List<CountedPosition> openAt(Signal signal) {
            return delegate.openAt(signal);
        }

        @Override
        public List<CountedPosition> confirmOpenAt(Signal signal, List<CountedPosition> counted) {
            return delegate.confirmOpenAt(signal, counted);
        }

        @Override
        public Commit commit(Signal signal, LocalDate tradingDay, RiskDecision decision, RiskLimits limits,
                             List<Forward> pending, Optional<QueueArrival> arrival) {
            return delegate.commit(signal, tradingDay, decision, limits, pending, arrival);
        }

        @Override
        public void forwarded(String signalId, String forwardKey) {
            delegate.forwarded(signalId, forwardKey);
        }

        @Override
        public List<RecordedDecision> pendingForwardsDecidedBefore(Instant cutoff) {
            return delegate.pendingForwardsDecidedBefore(cutoff);
        }
    }

    /** A ledger whose {@code openAt} reads an index that lags behind the exits: it keeps answering {@code stale}. */
    private static final class LaggingIndexLedger extends ForwardingLedger {
        private final List<CountedPosition> stale;

        LaggingIndexLedger(RiskLedger delegate, List<CountedPosition> stale) {
            super(delegate);
            this.stale = stale;
        }

        @Override
        public List<CountedPosition> openAt(Signal signal) {
            return stale;
        }

        /** The table itself, read consistently: the exits are there. */
        @Override
        public List<CountedPosition> confirmOpenAt(Signal signal, List<CountedPosition> counted) {
            List<String> open = delegate.openAt(signal).stream().map(CountedPosition::signalId).toList();
            return counted.stream().filter(position -> open.contains(position.signalId())).toList();
        }
    }

    /** A ledger whose limits always fill between read and commit. */
    private static final class AlwaysRacingLedger extends ForwardingLedger {

        AlwaysRacingLedger(RiskLedger delegate) {
            super(delegate);
        }

        @Override
        public Commit commit(Signal signal, LocalDate tradingDay, RiskDecision decision, RiskLimits limits,
                             List<Forward> pending, Optional<QueueArrival> arrival) {
            return Commit.LIMIT_RACED;
        }
    }
}
