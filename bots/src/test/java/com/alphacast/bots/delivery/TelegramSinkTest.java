package com.alphacast.bots.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.bots.Fixtures;
import com.alphacast.bots.ManualTime;
import com.alphacast.bots.ratelimit.Backoff;
import com.alphacast.bots.ratelimit.RateLimit;
import com.alphacast.bots.telegram.TelegramRenderer;
import com.alphacast.bots.telegram.TelegramTransport;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Delivery;
import com.alphacast.core.distribution.DeliveryFailedException;
import com.alphacast.core.distribution.DeliveryResult;
import com.alphacast.core.distribution.Tier;
import com.alphacast.fakes.Fault;
import com.alphacast.fakes.telegram.FakeTelegram;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TelegramSinkTest {

    private static final String TOKEN = "123456:ABC-test_token";

    private final ManualTime time = new ManualTime();
    private final FakeTelegram telegram = new FakeTelegram(time, TOKEN, "AlphacastTestBot");
    private final InMemorySentDeliveryLedger ledger = new InMemorySentDeliveryLedger();

    @AfterEach
    void stop() {
        assertThat(telegram.invalidRequests()).as("requests breaking the Bot API spec").isEmpty();
        telegram.close();
    }

    private PlatformSink sink(String token, SendPolicy policy, Duration timeout) {
        return new PlatformSink(TelegramRenderer.standard(), TelegramTransport.create(token, telegram.baseUri(), timeout),
                ledger, policy, new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5), new SplittableRandom(7)), time, time);
    }

    private PlatformSink sink() {
        return sink(TOKEN, SendPolicy.telegramDefaults(), Duration.ofSeconds(5));
    }

    private static Delivery to(String chat) {
        return Fixtures.delivery(Fixtures.hostileShort(), Tier.PREMIUM, Channel.TELEGRAM, chat);
    }

    @Test
    void sendsTheRenderedMessageThroughTheBotApi() throws Exception {
        DeliveryResult result = sink().deliver(to("424242"));
        assertThat(result).isEqualTo(new DeliveryResult.Sent("424242:1"));
        assertThat(telegram.sentMessages()).singleElement().satisfies(message -> {
            assertThat(message.chatId()).isEqualTo("424242");
            assertThat(message.text()).contains("SELL SPY<&>\" (bearish)", "Call wall <660>");
        });
        assertThat(telegram.requests().get(0).path()).isEqualTo("/bot" + TOKEN + "/sendmessage");
    }

    @Test
    void neverSendsTheSameDeliveryTwice() throws Exception {
        PlatformSink sink = sink();
        DeliveryResult first = sink.deliver(to("1001"));
        DeliveryResult again = sink.deliver(to("1001"));
        assertThat(again).isEqualTo(first);
        assertThat(telegram.sentMessages()).hasSize(1);
        assertThat(sink.statistics().skippedAsAlreadySent()).isEqualTo(1);
    }

    @Test
    void concurrentWorkersWithTheSameDeliverySendItOnce() throws Exception {
        PlatformSink sink = sink();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.List<java.util.concurrent.Future<Object>> outcomes = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            outcomes.add(pool.submit(() -> {
                try {
                    return sink.deliver(to("11001"));
                } catch (DeliveryFailedException e) {
                    return e;
                }
            }));
        }
        pool.shutdown();
        for (java.util.concurrent.Future<Object> outcome : outcomes) {
            assertThat(outcome.get()).satisfiesAnyOf(
                    value -> assertThat(value).isEqualTo(new DeliveryResult.Sent("11001:1")),
                    value -> assertThat(value).asString().contains("being sent by another worker"));
        }
        assertThat(telegram.sentMessages()).hasSize(1);
        assertThat(sink.deliver(to("11001"))).isEqualTo(new DeliveryResult.Sent("11001:1"));
    }

    @Test
    void honoursRetryAfterForTheWholeBotBeforeSendingAnythingElse() throws Exception {
        telegram.faults().next(Fault.rateLimited(31));
        PlatformSink sink = sink();
        assertThat(sink.deliver(to("2001"))).isInstanceOf(DeliveryResult.Sent.class);
        assertThat(time.slept()).isGreaterThanOrEqualTo(Duration.ofSeconds(31));
        assertThat(telegram.requests()).hasSize(2);
        assertThat(telegram.requests().get(1).receivedAt()).isAfterOrEqualTo(telegram.requests().get(0).receivedAt().plusSeconds(31));
        assertThat(telegram.sentMessages()).hasSize(1);
    }

    @Test
    void retriesServerErrorsWithGrowingJitteredBackoff() throws Exception {
        telegram.faults().next(Fault.serverError(502), Fault.serverError(500), Fault.serverError(503));
        PlatformSink sink = sink(TOKEN, SendPolicy.telegramDefaults().withDestinationLimit(RateLimit.perSecond(1000)),
                Duration.ofSeconds(5));
        assertThat(sink.deliver(to("3001"))).isInstanceOf(DeliveryResult.Sent.class);
        assertThat(time.sleeps()).hasSize(3).allMatch(d -> d.compareTo(Duration.ZERO) > 0 && d.compareTo(Duration.ofMillis(800)) <= 0);
        assertThat(sink.statistics().transientFailures()).isEqualTo(3);
        assertThat(telegram.sentMessages()).hasSize(1);
    }

    @Test
    void blockedUserIsRejectedWithoutRetrying() throws Exception {
        telegram.blockedBy("4001");
        DeliveryResult result = sink().deliver(to("4001"));
        assertThat(result).isInstanceOf(DeliveryResult.Rejected.class);
        assertThat(((DeliveryResult.Rejected) result).reason()).contains("403", "blocked by the user");
        assertThat(telegram.requests()).hasSize(1);
    }

    @Test
    void kickedBotMissingChatAndBadTokenAreRejected() throws Exception {
        telegram.kickedFrom("-100500").missingChat("5002");
        assertThat(sink().deliver(to("-100500"))).isInstanceOf(DeliveryResult.Rejected.class);
        assertThat(((DeliveryResult.Rejected) sink().deliver(to("5002"))).reason()).contains("chat not found");
        assertThat(((DeliveryResult.Rejected) sink("999:wrong", SendPolicy.telegramDefaults(), Duration.ofSeconds(5))
                .deliver(to("5003"))).reason()).contains("401");
        assertThat(telegram.requests()).hasSize(3);
    }

    @Test
    void timeoutIsRetriedAndDeliversOnce() throws Exception {
        // The faulted request outlasts the client's timeout by far; the retry answers at once, unless a loaded machine
        // also slows it past the timeout, which is one more transient failure, never a second message.
        telegram.faults().next(Fault.timeout(Duration.ofSeconds(4)));
        PlatformSink sink = sink(TOKEN, SendPolicy.telegramDefaults(), Duration.ofSeconds(1));
        assertThat(sink.deliver(to("6001"))).isInstanceOf(DeliveryResult.Sent.class);
        assertThat(sink.statistics().transientFailures()).isGreaterThanOrEqualTo(1);
        assertThat(telegram.sentMessages()).hasSize(1);
    }

    @Test
    void exhaustedRetriesAreTransientAndALaterRetrySendsOnce() throws Exception {
        telegram.faults().next(Fault.serverError(500), Fault.serverError(500), Fault.serverError(500));
        PlatformSink sink = sink(TOKEN, SendPolicy.telegramDefaults().withMaxAttempts(3), Duration.ofSeconds(5));
        assertThatThrownBy(() -> sink.deliver(to("7001"))).isInstanceOf(DeliveryFailedException.class)
                .hasMessageContaining("after 3 attempts");
        assertThat(sink.deliver(to("7001"))).isInstanceOf(DeliveryResult.Sent.class);
        assertThat(telegram.sentMessages()).hasSize(1);
    }

    @Test
    void waitLongerThanTheInlineBudgetIsHandedBackToTheCaller() throws Exception {
        telegram.faults().next(Fault.rateLimited(300));
        PlatformSink sink = sink();
        assertThatThrownBy(() -> sink.deliver(to("8001"))).isInstanceOf(DeliveryFailedException.class)
                .hasMessageContaining("rate limited");
        assertThat(time.slept()).isLessThan(Duration.ofSeconds(60));
        assertThat(telegram.sentMessages()).isEmpty();
    }

    @Test
    void splitMessageResumesAfterItsLastSentPart() throws Exception {
        StringBuilder rationale = new StringBuilder();
        for (int i = 0; i < 1200; i++) {
            rationale.append("reason").append(i).append(' ');
        }
        Delivery delivery = Fixtures.delivery(Fixtures.withRationale(rationale.toString()), Tier.PREMIUM, Channel.TELEGRAM, "9001");
        int parts = TelegramRenderer.standard().requestsFor(delivery).size();
        assertThat(parts).isGreaterThanOrEqualTo(3);
        telegram.faults().onlyFor(request -> telegram.sentMessages().size() == 1)
                .next(Fault.serverError(500), Fault.serverError(500));
        PlatformSink sink = sink(TOKEN, SendPolicy.telegramDefaults().withMaxAttempts(2), Duration.ofSeconds(5));
        assertThatThrownBy(() -> sink.deliver(delivery)).isInstanceOf(DeliveryFailedException.class);
        DeliveryResult result = sink.deliver(delivery);
        assertThat(((DeliveryResult.Sent) result).reference().split(",")).hasSize(parts);
        assertThat(telegram.sentMessages()).hasSize(parts)
                .extracting(FakeTelegram.SentMessage::text).doesNotHaveDuplicates();
    }

    @Test
    void pacesMessagesToOneChatAtOnePerSecond() throws Exception {
        PlatformSink sink = sink();
        for (Tier tier : Tier.values()) {
            sink.deliver(Fixtures.delivery(Fixtures.longEs(), tier, Channel.TELEGRAM, "10001"));
        }
        assertThat(time.slept()).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(telegram.sentMessages()).hasSize(3);
    }

    @Test
    void groupsArePacedAtTheGroupLimitNotThePerChatOne() throws Exception {
        PlatformSink sink = sink(TOKEN, SendPolicy.telegramDefaults().withMaxWait(Duration.ofSeconds(90)), Duration.ofSeconds(5));
        for (Tier tier : Tier.values()) {
            sink.deliver(Fixtures.delivery(Fixtures.longEs(), tier, Channel.TELEGRAM, "-1001234567890"));
        }
        sink.deliver(Fixtures.delivery(Fixtures.longEs(), Tier.FREE, Channel.TELEGRAM, "777"));
        assertThat(time.slept()).isLessThan(Duration.ofSeconds(5));
        for (int i = 0; i < 20; i++) {
            var signal = Fixtures.longEs();
            sink.deliver(Fixtures.delivery(new com.alphacast.core.signal.Signal(signal.id() + i, signal.strategy(), signal.underlying(),
                    signal.instrument(), signal.direction(), signal.entry(), signal.stop(), signal.target(), 1, 0.5, "",
                    signal.marketTime(), signal.observedAt()), Tier.FREE, Channel.TELEGRAM, "-1001234567890"));
        }
        assertThat(time.slept()).as("23 messages to one group at 20/min").isGreaterThanOrEqualTo(Duration.ofSeconds(60));
        assertThat(telegram.sentMessages()).hasSize(24);
    }

    @Test
    void fakeEnforcedBroadcastLimitIsNeverHitWhenPacedAtTheSameLimit() throws Exception {
        telegram.limitGlobalPerSecond(30);
        PlatformSink sink = sink(TOKEN, SendPolicy.telegramDefaults().withAccountLimit(RateLimit.perSecond(30)), Duration.ofSeconds(5));
        for (int i = 0; i < 95; i++) {
            sink.deliver(Fixtures.delivery(Fixtures.longEs(), Tier.FREE, Channel.TELEGRAM, Integer.toString(20_000 + i)));
        }
        assertThat(telegram.throttledByLimits()).isZero();
        assertThat(telegram.sentMessages()).hasSize(95);
        assertThat(time.slept()).isBetween(Duration.ofSeconds(3), Duration.ofMillis(3200));
    }
}
