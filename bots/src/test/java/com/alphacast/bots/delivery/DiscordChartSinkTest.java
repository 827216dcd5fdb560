package com.alphacast.bots.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.bots.Fixtures;
import com.alphacast.bots.ManualTime;
import com.alphacast.bots.discord.DiscordRenderer;
import com.alphacast.bots.discord.DiscordTransport;
import com.alphacast.bots.ratelimit.Backoff;
import com.alphacast.bots.render.BriefingComposer;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Delivery;
import com.alphacast.core.distribution.DeliveryResult;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.publication.ChartArchive;
import com.alphacast.fakes.discord.FakeDiscord;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A briefing's chart on Discord: uploaded with the message and shown as its embed's image. */
class DiscordChartSinkTest {

    private final ManualTime time = new ManualTime();
    private final FakeDiscord discord = new FakeDiscord(time, "bot-token");
    private final byte[] png = TelegramChartSinkTest.chartPng();
    private final ChartArchive charts = id -> id.equals("briefing:2026-11-27") ? Optional.of(png) : Optional.empty();

    @AfterEach
    void stop() {
        assertThat(discord.invalidRequests()).as("requests breaking Discord's OpenAPI spec").isEmpty();
        discord.close();
    }

    private PlatformSink sink() {
        return new PlatformSink(new DiscordRenderer(BriefingComposer.standard(), charts),
                DiscordTransport.create(discord.apiBase(), Optional.of("bot-token"), Map.of("111", "hook-secret"), Duration.ofSeconds(5)),
                new InMemorySentDeliveryLedger(), SendPolicy.discordDefaults(),
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), new SplittableRandom(3)), time, time);
    }

    @Test
    void sendsTheChartAsTheEmbedImageThroughAWebhookAndAsTheBot() throws Exception {
        discord.addWebhook("111", "hook-secret");
        discord.addChannel("222");
        PlatformSink sink = sink();

        assertThat(sink.deliver(new Delivery(Fixtures.morningBriefing(true), Tier.PREMIUM, Channel.DISCORD, "webhook:111")))
                .isInstanceOf(DeliveryResult.Sent.class);
        assertThat(sink.deliver(new Delivery(Fixtures.morningBriefing(true), Tier.BASIC, Channel.DISCORD, "channel:222")))
                .isInstanceOf(DeliveryResult.Sent.class);

        assertThat(discord.posted()).hasSize(2).allSatisfy(posted -> {
            assertThat(posted.files()).singleElement().satisfies(file -> {
                assertThat(file.field()).isEqualTo("files[0]");
                assertThat(file.filename()).isEqualTo("chart.png");
                assertThat(file.contentType()).isEqualTo("image/png");
                assertThat(file.bytes()).isEqualTo(png);
            });
            assertThat(posted.body().get("embeds").get(0).get("image").get("url").asText()).isEqualTo("attachment://chart.png");
            assertThat(posted.body().get("attachments").get(0).get("filename").asText()).isEqualTo("chart.png");
        });
        assertThat(discord.posted().get(0).body().get("embeds").get(0).get("description").asText()).contains("Zero gamma 668.50");
        assertThat(discord.requests()).allSatisfy(request ->
                assertThat(request.headers().get("content-type")).startsWith("multipart/form-data; boundary="));
    }

    @Test
    void outboxRecordsTheEmbedImageAndTheChartsDigest(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        try (com.alphacast.bots.outbox.OutboxSink outbox = com.alphacast.bots.outbox.OutboxSink.forChannel(Channel.DISCORD, dir, charts)) {
            outbox.deliver(new Delivery(Fixtures.morningBriefing(true), Tier.PREMIUM, Channel.DISCORD, "channel:222"));
        }
        var request = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(java.nio.file.Files.readAllLines(dir.resolve("discord.jsonl")).get(0)).get("requests").get(0);
        assertThat(request.get("body").get("embeds").get(0).get("image").get("url").asText()).isEqualTo("attachment://chart.png");
        assertThat(request.get("attachment").get("field").asText()).isEqualTo("files[0]");
        assertThat(request.get("attachment").get("size").asInt()).isEqualTo(png.length);
    }

    @Test
    void sendsJsonWithoutAnImageWhenTheBriefingHasNoChart() throws Exception {
        discord.addWebhook("111", "hook-secret");

        sink().deliver(new Delivery(Fixtures.morningBriefing(false), Tier.PREMIUM, Channel.DISCORD, "webhook:111"));

        assertThat(discord.posted()).singleElement().satisfies(posted -> {
            assertThat(posted.files()).isEmpty();
            assertThat(posted.body().get("embeds").get(0).has("image")).isFalse();
        });
        assertThat(discord.requests().get(0).headers().get("content-type")).isEqualTo("application/json");
    }
}
