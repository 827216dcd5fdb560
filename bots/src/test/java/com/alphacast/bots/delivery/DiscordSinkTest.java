package com.alphacast.bots.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.bots.Fixtures;
import com.alphacast.bots.ManualTime;
import com.alphacast.bots.discord.DiscordRenderer;
import com.alphacast.bots.discord.DiscordTransport;
import com.alphacast.bots.ratelimit.Backoff;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Delivery;
import com.alphacast.core.distribution.DeliveryResult;
import com.alphacast.core.distribution.Tier;
import com.alphacast.fakes.Fault;
import com.alphacast.fakes.discord.FakeDiscord;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DiscordSinkTest {

    private final ManualTime time = new ManualTime();
    private final FakeDiscord discord = new FakeDiscord(time, "bot-token");
    private final InMemorySentDeliveryLedger ledger = new InMemorySentDeliveryLedger();

    @AfterEach
    void stop() {
        assertThat(discord.invalidRequests()).as("requests breaking Discord's OpenAPI spec").isEmpty();
        discord.close();
    }

    private PlatformSink sink(String botToken, Map<String, String> webhooks) {
        return new PlatformSink(DiscordRenderer.standard(),
                DiscordTransport.create(discord.apiBase(), Optional.of(botToken), webhooks, Duration.ofSeconds(5)),
                ledger, SendPolicy.discordDefaults(), new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), new SplittableRandom(3)),
                time, time);
    }

    private static Delivery to(String destination, Tier tier) {
        return Fixtures.delivery(Fixtures.hostileShort(), tier, Channel.DISCORD, destination);
    }

    @Test
    void postsEmbedsThroughWebhookAndAsBot() throws Exception {
        discord.addWebhook("111", "hook-secret");
        discord.addChannel("222");
        PlatformSink sink = sink("bot-token", Map.of("111", "hook-secret"));
        assertThat(sink.deliver(to("webhook:111", Tier.PREMIUM))).isInstanceOf(DeliveryResult.Sent.class);
        assertThat(sink.deliver(to("channel:222", Tier.BASIC))).isInstanceOf(DeliveryResult.Sent.class);
        assertThat(discord.posted()).extracting(FakeDiscord.Posted::target).containsExactly("webhook:111", "channel:222");
        assertThat(discord.requests().get(0).query()).containsEntry("wait", "true");
        assertThat(discord.requests().get(1).headers()).containsEntry("authorization", "Bot bot-token");
        assertThat(discord.requests().get(0).headers().get("user-agent")).startsWith("DiscordBot");
    }

    @Test
    void announcesExitsOnceWithTheOutcomeColour() throws Exception {
        discord.addWebhook("111", "hook-secret");
        PlatformSink sink = sink("bot-token", Map.of("111", "hook-secret"));
        var exit = new Delivery(new com.alphacast.core.publication.Publication.TargetHit(Fixtures.winningExit()),
                Tier.FREE, com.alphacast.core.distribution.Channel.DISCORD, "webhook:111");
        DeliveryResult first = sink.deliver(exit);
        assertThat(sink.deliver(exit)).isEqualTo(first);
        assertThat(discord.posted()).singleElement().satisfies(posted -> {
            assertThat(posted.body().get("embeds").get(0).get("color").asInt()).isEqualTo(0x27AE60);
            assertThat(posted.body().get("embeds").get(0).get("title").asText()).contains("+28.00 pts");
        });
    }

    @Test
    void webhookRateLimitPausesOnlyThatWebhookForRetryAfter() throws Exception {
        discord.addWebhook("111", "hook-secret");
        discord.faults().next(Fault.rateLimited(2.5));
        PlatformSink sink = sink("bot-token", Map.of("111", "hook-secret"));
        assertThat(sink.deliver(to("webhook:111", Tier.FREE))).isInstanceOf(DeliveryResult.Sent.class);
        assertThat(time.slept()).isGreaterThanOrEqualTo(Duration.ofMillis(2500));
        assertThat(discord.posted()).hasSize(1);
    }

    @Test
    void serverErrorsAreRetried() throws Exception {
        discord.addChannel("222");
        discord.faults().next(Fault.serverError(502), Fault.serverError(500));
        assertThat(sink("bot-token", Map.of()).deliver(to("222", Tier.PREMIUM))).isInstanceOf(DeliveryResult.Sent.class);
        assertThat(discord.posted()).hasSize(1);
    }

    @Test
    void unknownChannelMissingAccessBadTokenAndUnknownWebhookAreRejectedAtOnce() throws Exception {
        discord.forbidChannel("333");
        discord.addWebhook("111", "hook-secret");
        PlatformSink sink = sink("bot-token", Map.of("111", "stale-secret", "444", "x"));
        assertThat(((DeliveryResult.Rejected) sink.deliver(to("channel:999", Tier.FREE))).reason()).contains("Unknown Channel");
        assertThat(((DeliveryResult.Rejected) sink.deliver(to("channel:333", Tier.FREE))).reason()).contains("Missing Access");
        assertThat(((DeliveryResult.Rejected) sink.deliver(to("webhook:111", Tier.FREE))).reason()).contains("Invalid Webhook Token");
        assertThat(((DeliveryResult.Rejected) sink.deliver(to("webhook:444", Tier.FREE))).reason()).contains("Unknown Webhook");
        assertThat(((DeliveryResult.Rejected) sink.deliver(to("webhook:555", Tier.FREE))).reason()).contains("no token configured");
        assertThat(((DeliveryResult.Rejected) sink("wrong", Map.of()).deliver(to("channel:333", Tier.BASIC))).reason()).contains("401");
        assertThat(discord.requests()).hasSize(5);
        assertThat(discord.posted()).isEmpty();
    }

    @Test
    void pacesAWebhookAtFivePerTwoSecondsSoTheRealLimitIsNeverHit() throws Exception {
        discord.addWebhook("111", "hook-secret");
        discord.limitPerWebhook(5, 2000);
        PlatformSink sink = sink("bot-token", Map.of("111", "hook-secret"));
        for (int i = 0; i < 12; i++) {
            var signal = Fixtures.longEs();
            var distinct = new com.alphacast.core.signal.Signal(signal.id() + i, signal.strategy(), signal.underlying(),
                    signal.instrument(), signal.direction(), signal.entry(), signal.stop(), signal.target(), 1, 0.5, "",
                    signal.marketTime(), signal.observedAt());
            assertThat(sink.deliver(Fixtures.delivery(distinct, Tier.BASIC, Channel.DISCORD, "webhook:111")))
                    .isInstanceOf(DeliveryResult.Sent.class);
        }
        assertThat(discord.throttledByLimits()).isZero();
        assertThat(discord.posted()).hasSize(12);
        assertThat(time.slept()).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
    }
}
