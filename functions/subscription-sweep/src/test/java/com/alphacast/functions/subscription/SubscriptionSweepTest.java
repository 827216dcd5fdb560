package com.alphacast.functions.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.aws.subscription.DynamoSubscriptionLedger;
import com.alphacast.bots.subscription.PlatformAccessWithdrawal;
import com.alphacast.bots.subscription.PremiumChats;
import com.alphacast.bots.telegram.TelegramTransport;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.subscription.Plan;
import com.alphacast.core.subscription.Subscriber;
import com.alphacast.core.subscription.Subscription;
import com.alphacast.core.subscription.SubscriptionSource;
import com.alphacast.core.usecase.subscription.SteppedClock;
import com.alphacast.core.usecase.subscription.SubscriptionGrants;
import com.alphacast.core.usecase.subscription.SubscriptionLedger;
import com.alphacast.fakes.telegram.FakeTelegram;
import com.alphacast.functions.FakeContext;
import com.alphacast.functions.FunctionResources;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sweep function on the local cloud's SubscribersTable (from template.yaml) and the fake Telegram, with a clock:
 * a Stars payment grants premium until its period ends, and the sweep after expiry removes the subscriber from the
 * premium chat (ban + unban), tells them how to renew, and marks them swept once.
 */
class SubscriptionSweepTest {

    private static final String TOKEN = "123:sweep";

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forProjectTemplate()
            .parameter("Profile", "demo")
            .withoutFunctions()
            .build();

    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-12-02T05:00:00Z"));

    private static FunctionResources resources(LocalCloud cloud) {
        Map<String, String> environment = new HashMap<>(cloud.functionEnvironment("SubscriptionSweepFunction"));
        environment.put("ALPHACAST_CONFIG_DIR", LocalCloudExtension.projectRoot().resolve("config").toString());
        return new FunctionResources(environment);
    }

    private static DynamoSubscriptionLedger ledger(LocalCloud cloud) {
        return new DynamoSubscriptionLedger(cloud.dynamoDb(), cloud.tableName("SubscribersTable"));
    }

    @Test
    void starsPaymentGrantsPremiumUntilThePeriodEndsAndTheSweepAfterExpiryRevokesIt(LocalCloud cloud) {
        try (FakeTelegram telegram = new FakeTelegram(clock, TOKEN, "AlphacastBot")) {
            FunctionResources resources = resources(cloud);
            Subscriber payer = new Subscriber(Channel.TELEGRAM, "7001");
            SubscriptionGrants grants = new SubscriptionGrants(ledger(cloud), clock);
            grants.pay(payer, new Plan(Tier.PREMIUM, 30, 500), "charge-sweep-1");
            PlatformAccessWithdrawal access = new PlatformAccessWithdrawal(resources.settings().subscriptions(),
                    Optional.of(new PremiumChats(TelegramTransport.client(TOKEN, telegram.baseUri(), Duration.ofSeconds(5)))),
                    Optional.empty());
            SubscriptionSweepHandler handler = new SubscriptionSweepHandler(resources, clock, access);

            clock.advance(Duration.ofDays(30).minusMinutes(1));
            assertThat(grants.tierOf(payer)).isEqualTo(Tier.PREMIUM);
            // Other tests of this class share the table: only this payer's calls count here.
            handler.handleRequest(Map.of(), new FakeContext("SubscriptionSweepFunction"));
            assertThat(bansOf(telegram, "7001")).isZero();
            assertThat(ledger(cloud).find(payer).orElseThrow().swept()).isFalse();

            clock.advance(Duration.ofMinutes(1));
            assertThat(grants.tierOf(payer)).isEqualTo(Tier.FREE);
            assertThat((Integer) handler.handleRequest(Map.of(), new FakeContext("SubscriptionSweepFunction")).get("swept"))
                    .isPositive();
            assertThat(telegram.calls("banChatMember")).filteredOn(call -> call.text("user_id").equals("7001")).singleElement().satisfies(call -> {
                assertThat(call.text("chat_id")).isEqualTo("-1001000000001"); // demo profile's premium chat
                assertThat(call.text("user_id")).isEqualTo("7001");
            });
            assertThat(telegram.calls("unbanChatMember")).filteredOn(call -> call.text("user_id").equals("7001")).hasSize(1);
            assertThat(telegram.sentMessages()).filteredOn(message -> message.chatId().equals("7001")).singleElement().satisfies(message -> {
                assertThat(message.chatId()).isEqualTo("7001");
                assertThat(message.text()).contains("premium subscription ended").contains("/subscribe");
            });
            assertThat(ledger(cloud).find(payer).orElseThrow().swept()).isTrue();

            assertThat(handler.handleRequest(Map.of(), new FakeContext("SubscriptionSweepFunction"))).containsEntry("swept", 0);
            assertThat(bansOf(telegram, "7001")).as("swept once").isEqualTo(1);
            assertThat(telegram.invalidRequests()).isEmpty();
        }
    }

    private static long bansOf(FakeTelegram telegram, String userId) {
        return telegram.calls("banChatMember").stream().filter(call -> call.text("user_id").equals(userId)).count();
    }

    @Test
    void aRunThatCouldNotWithdrawFailsForTheSchedulersRetryAndLeavesTheSubscriptionUnswept(LocalCloud cloud) {
        FunctionResources resources = resources(cloud);
        Subscriber payer = new Subscriber(Channel.TELEGRAM, "7002");
        new SubscriptionGrants(ledger(cloud), clock).grant(payer, Tier.BASIC, 1);
        clock.advance(Duration.ofDays(2));
        SubscriptionSweepHandler handler = new SubscriptionSweepHandler(resources, clock, lapsed -> {
            throw new IllegalStateException("Telegram 502");
        });
        assertThatThrownBy(() -> handler.handleRequest(Map.of(), new FakeContext("SubscriptionSweepFunction")))
                .hasMessageContaining("could not be withdrawn");
        assertThat(ledger(cloud).find(payer).orElseThrow().swept()).isFalse();
    }

    @Test
    void ledgerAppliesAChargeOnceAndRefusesAStaleWrite(LocalCloud cloud) {
        DynamoSubscriptionLedger ledger = ledger(cloud);
        Subscriber user = new Subscriber(Channel.TELEGRAM, "7003");
        Instant now = clock.instant();
        Subscription paid = new Subscription(user, Tier.PREMIUM, now.plus(Duration.ofDays(30)), SubscriptionSource.PAYMENT,
                Optional.of("charge-7003"), false);
        assertThat(ledger.replace(Optional.empty(), paid)).isEqualTo(SubscriptionLedger.Write.APPLIED);
        assertThat(ledger.replace(Optional.empty(), paid)).as("the same payment again")
                .isEqualTo(SubscriptionLedger.Write.CHARGE_ALREADY_RECORDED);
        Subscription again = new Subscription(user, Tier.PREMIUM, now.plus(Duration.ofDays(60)), SubscriptionSource.PAYMENT,
                Optional.of("charge-other"), false);
        Subscription reusedCharge = new Subscription(user, Tier.PREMIUM, now.plus(Duration.ofDays(60)),
                SubscriptionSource.PAYMENT, Optional.of("charge-7003"), false);
        Subscription grant = new Subscription(user, Tier.PREMIUM, now.plus(Duration.ofDays(60)), SubscriptionSource.GRANT,
                Optional.empty(), false);
        assertThat(ledger.replace(Optional.of(grant), again)).as("stale expectation").isEqualTo(SubscriptionLedger.Write.CONFLICT);
        assertThat(ledger.replace(Optional.of(again), reusedCharge)).as("a charge already on record").isEqualTo(SubscriptionLedger.Write.CHARGE_ALREADY_RECORDED);
        assertThat(ledger.replace(Optional.of(paid), again)).isEqualTo(SubscriptionLedger.Write.APPLIED);
        Subscription thirdWithOldCharge = new Subscription(user, Tier.PREMIUM, now.plus(Duration.ofDays(90)),
                SubscriptionSource.PAYMENT, Optional.of("charge-7003"), false);
        assertThat(ledger.replace(Optional.of(again), thirdWithOldCharge)).isEqualTo(SubscriptionLedger.Write.CHARGE_ALREADY_RECORDED);
        assertThat(ledger.find(user)).contains(again);
        assertThat(ledger.payerOf("charge-7003")).contains(user);
        assertThat(ledger.payerOf("charge-other")).contains(user);
        assertThat(ledger.payerOf("nope")).isEmpty();
        assertThat(ledger.expiredUnswept(now.plus(Duration.ofDays(61)), 10)).extracting(Subscription::subscriber).contains(user);
        assertThat(ledger.replace(Optional.of(again), again.markedSwept())).isEqualTo(SubscriptionLedger.Write.APPLIED);
        assertThat(ledger.expiredUnswept(now.plus(Duration.ofDays(61)), 10)).extracting(Subscription::subscriber)
                .doesNotContain(user);
    }
}
