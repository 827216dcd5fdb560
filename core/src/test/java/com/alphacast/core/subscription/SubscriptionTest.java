package com.alphacast.core.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

    private static final Subscriber MARIO = new Subscriber(Channel.TELEGRAM, "456");
    private static final Instant NOW = Instant.parse("2026-12-02T05:00:00Z");

    @Test
    void expiredSubscriptionCountsAsFree() {
        Subscription premium = new Subscription(MARIO, Tier.PREMIUM, NOW, SubscriptionSource.GRANT, Optional.empty(), false);
        assertEquals(Tier.PREMIUM, premium.tierAt(NOW.minusMillis(1)));
        assertEquals(Tier.FREE, premium.tierAt(NOW));
        assertEquals(Tier.FREE, premium.tierAt(NOW.plusSeconds(86_400)));
    }

    @Test
    void renewalOfSameTierAddsToTheLaterExpiry() {
        Subscription current = new Subscription(MARIO, Tier.PREMIUM, NOW.plus(Duration.ofDays(10)),
                SubscriptionSource.PAYMENT, Optional.of("c1"), false);
        Subscription renewed = Subscription.extend(Optional.of(current), MARIO, Tier.PREMIUM, Duration.ofDays(30), NOW,
                SubscriptionSource.PAYMENT, Optional.of("c2"));
        assertEquals(NOW.plus(Duration.ofDays(40)), renewed.expiresAt());
        assertEquals(Optional.of("c2"), renewed.chargeId());
    }

    @Test
    void lapsedOrOtherTierStartsFromNow() {
        Subscription lapsed = new Subscription(MARIO, Tier.PREMIUM, NOW.minus(Duration.ofDays(3)),
                SubscriptionSource.PAYMENT, Optional.of("c1"), true);
        assertEquals(NOW.plus(Duration.ofDays(30)), Subscription.extend(Optional.of(lapsed), MARIO, Tier.PREMIUM,
                Duration.ofDays(30), NOW, SubscriptionSource.PAYMENT, Optional.of("c2")).expiresAt());
        Subscription basic = new Subscription(MARIO, Tier.BASIC, NOW.plus(Duration.ofDays(20)),
                SubscriptionSource.PAYMENT, Optional.of("c1"), false);
        Subscription upgraded = Subscription.extend(Optional.of(basic), MARIO, Tier.PREMIUM, Duration.ofDays(30), NOW,
                SubscriptionSource.PAYMENT, Optional.of("c2"));
        assertEquals(NOW.plus(Duration.ofDays(30)), upgraded.expiresAt());
        assertEquals(Tier.PREMIUM, upgraded.tier());
        assertTrue(!upgraded.swept());
    }

    @Test
    void refusesFreeSubscriptionsAndBadUserIds() {
        assertThrows(IllegalArgumentException.class, () -> new Subscription(MARIO, Tier.FREE, NOW,
                SubscriptionSource.GRANT, Optional.empty(), false));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> Subscriber.parse("telegram:@mario", Channel.TELEGRAM));
        assertTrue(bad.getMessage().contains("1-20 digits"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Subscriber.parse("x:1", Channel.TELEGRAM));
        assertEquals(new Subscriber(Channel.DISCORD, "42"), Subscriber.parse("discord:42", Channel.TELEGRAM));
        assertEquals(new Subscriber(Channel.TELEGRAM, "42"), Subscriber.parse("42", Channel.TELEGRAM));
    }
}
