package com.alphacast.core.usecase.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.subscription.Plan;
import com.alphacast.core.subscription.Subscriber;
import com.alphacast.core.subscription.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubscriptionGrantsTest {

    private static final Subscriber MARIO = new Subscriber(Channel.TELEGRAM, "456");
    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-12-02T05:00:00Z"));
    private final InMemorySubscriptionLedger ledger = new InMemorySubscriptionLedger();
    private final SubscriptionGrants grants = new SubscriptionGrants(ledger, clock);

    @Test
    void starsPaymentGrantsPremiumUntilPeriodEndsAndSweepRevokesAfterExpiry() {
        Instant paidAt = clock.instant();
        SubscriptionGrants.Payment payment = grants.pay(MARIO, new Plan(Tier.PREMIUM, 30, 500), "thepaymentid");
        Subscription granted = assertInstanceOf(SubscriptionGrants.Payment.Granted.class, payment).subscription();
        assertEquals(paidAt.plus(Duration.ofDays(30)), granted.expiresAt());
        assertEquals(Tier.PREMIUM, grants.tierOf(MARIO));

        List<Subscription> withdrawn = new ArrayList<>();
        ExpirySweep sweep = new ExpirySweep(ledger, withdrawn::add, clock, 100);
        clock.advance(Duration.ofDays(30).minusSeconds(1));
        assertEquals(0, sweep.run().swept());
        assertEquals(Tier.PREMIUM, grants.tierOf(MARIO));

        clock.advance(Duration.ofSeconds(1));
        assertEquals(Tier.FREE, grants.tierOf(MARIO));
        assertEquals(1, sweep.run().swept());
        assertEquals(List.of(MARIO), withdrawn.stream().map(Subscription::subscriber).toList());
        assertTrue(ledger.find(MARIO).orElseThrow().swept());
        assertEquals(0, sweep.run().swept(), "a second run withdraws nothing again");
        assertEquals(1, withdrawn.size());
    }

    @Test
    void redeliveredPaymentIsAppliedOnce() {
        Plan plan = new Plan(Tier.PREMIUM, 30, 500);
        grants.pay(MARIO, plan, "charge-1");
        SubscriptionGrants.Payment again = grants.pay(MARIO, plan, "charge-1");
        assertInstanceOf(SubscriptionGrants.Payment.AlreadyApplied.class, again);
        assertEquals(clock.instant().plus(Duration.ofDays(30)), ledger.find(MARIO).orElseThrow().expiresAt());
        grants.pay(MARIO, plan, "charge-2");
        assertEquals(clock.instant().plus(Duration.ofDays(60)), ledger.find(MARIO).orElseThrow().expiresAt());
        assertInstanceOf(SubscriptionGrants.Payment.AlreadyApplied.class, grants.pay(MARIO, plan, "charge-1"),
                "an older charge redelivered after a newer one");
        assertEquals(clock.instant().plus(Duration.ofDays(60)), ledger.find(MARIO).orElseThrow().expiresAt());
        assertEquals(Optional.of(MARIO), ledger.payerOf("charge-1"));
    }

    @Test
    void failedWithdrawalLeavesSubscriptionForTheNextRunAndRenewalIsNotSwept() {
        grants.grant(MARIO, Tier.BASIC, 1);
        clock.advance(Duration.ofDays(2));
        ExpirySweep failing = new ExpirySweep(ledger, lapsed -> {
            throw new IllegalStateException("Telegram 502");
        }, clock, 10);
        ExpirySweep.Report report = failing.run();
        assertEquals(0, report.swept());
        assertEquals(List.of("telegram:456: Telegram 502"), report.failures());
        assertTrue(!ledger.find(MARIO).orElseThrow().swept());

        grants.grant(MARIO, Tier.BASIC, 7);
        List<Subscription> withdrawn = new ArrayList<>();
        assertEquals(0, new ExpirySweep(ledger, withdrawn::add, clock, 10).run().swept());
        assertTrue(withdrawn.isEmpty(), "a renewed subscriber keeps access");
    }

    @Test
    void revokeEndsAccessNowAndLeavesTheSweepToWithdrawIt() {
        grants.grant(MARIO, Tier.PREMIUM, 30);
        assertTrue(grants.revoke(MARIO).isPresent());
        assertEquals(Tier.FREE, grants.tierOf(MARIO));
        assertTrue(grants.revoke(MARIO).isEmpty(), "nothing active left to revoke");
        List<Subscription> withdrawn = new ArrayList<>();
        assertEquals(1, new ExpirySweep(ledger, withdrawn::add, clock, 10).run().swept());
    }
}
