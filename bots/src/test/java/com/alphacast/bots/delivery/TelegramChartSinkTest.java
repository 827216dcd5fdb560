package com.alphacast.bots.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.bots.Fixtures;
import com.alphacast.bots.ManualTime;
import com.alphacast.bots.outbox.OutboxSink;
import com.alphacast.bots.ratelimit.Backoff;
import com.alphacast.bots.render.BriefingComposer;
import com.alphacast.bots.render.PlatformRequest;
import com.alphacast.bots.telegram.TelegramMessageSplitter;
import com.alphacast.bots.telegram.TelegramRenderer;
import com.alphacast.bots.telegram.TelegramTransport;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.DeliveryResult;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.publication.ChartArchive;
import com.alphacast.core.publication.Publication;
import com.alphacast.fakes.telegram.FakeTelegram;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TelegramChartSinkTest {

    private static final String TOKEN = "123456:ABC-test_token";

    private final ManualTime time = new ManualTime();
    private final FakeTelegram telegram = new FakeTelegram(time, TOKEN, "AlphacastTestBot");
    private final byte[] png = chartPng();
    private final ChartArchive charts = id -> id.equals("briefing:2026-11-27") ? Optional.of(png) : Optional.empty();

    @AfterEach
    void stop() {
        assertThat(telegram.invalidRequests()).as("requests breaking the Bot API spec").isEmpty();
        telegram.close();
    }

    /** A small GEX-like bar chart, drawn the way the briefing chart is: java.awt into a PNG. */
    static byte[] chartPng() {
        BufferedImage image = new BufferedImage(400, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 240);
        for (int strike = 0; strike < 20; strike++) {
            int gex = (int) (80 * Math.sin(strike / 3.0));
            g.setColor(gex >= 0 ? new Color(0x2e7d32) : new Color(0xc62828));
            g.fillRect(10 + strike * 19, gex >= 0 ? 120 - gex : 120, 15, Math.abs(gex));
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private TelegramRenderer renderer() {
        return new TelegramRenderer(BriefingComposer.standard(), new TelegramMessageSplitter(), Optional.empty(), charts);
    }

    private PlatformSink sink() {
        return new PlatformSink(renderer(), TelegramTransport.create(TOKEN, telegram.baseUri(), Duration.ofSeconds(5)),
                new InMemorySentDeliveryLedger(), SendPolicy.telegramDefaults(),
                new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5), new SplittableRandom(7)), time, time);
    }

    @Test
    void sendsABriefingWithAChartAsOnePhotoCarryingTheTextAsCaption() throws Exception {
        DeliveryResult result = sink().deliver(new com.alphacast.core.distribution.Delivery(Fixtures.morningBriefing(true), Tier.PREMIUM,
                Channel.TELEGRAM, "424242"));

        assertThat(result).isEqualTo(new DeliveryResult.Sent("424242:1"));
        assertThat(telegram.sentMessages()).isEmpty();
        assertThat(telegram.sentPhotos()).singleElement().satisfies(photo -> {
            assertThat(photo.photo()).isEqualTo(png);
            assertThat(photo.caption()).contains("Early close at 13:00 ET: levels for <ES> & SPY", "Zero gamma 668.50");
        });
        assertThat(telegram.requests().get(0).headers().get("content-type")).startsWith("multipart/form-data");
    }

    @Test
    void sendsTheTextAloneWhenTheBriefingHasNoChart() throws Exception {
        sink().deliver(new com.alphacast.core.distribution.Delivery(Fixtures.morningBriefing(false), Tier.PREMIUM, Channel.TELEGRAM, "424242"));

        assertThat(telegram.sentPhotos()).isEmpty();
        assertThat(telegram.sentMessages()).singleElement()
                .satisfies(message -> assertThat(message.text()).contains("Zero gamma 668.50"));
    }

    @Test
    void keepsTheCaptionWithinTelegramsLimitAndSendsTheRestAsMessages() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int line = 1; line <= 40; line++) {
            text.append("Level ").append(line).append(": 66").append(line % 10).append(".25 holds above the put wall\n");
        }
        java.time.LocalDate session = java.time.LocalDate.of(2026, 11, 27);
        Publication.MorningBriefing longBriefing = new Publication.MorningBriefing(
                Publication.MorningBriefing.idOf(session), session, java.time.Instant.parse("2026-11-27T13:00:00Z"),
                "Levels", Map.of(Tier.PREMIUM, text.toString().strip()), true);

        DeliveryResult result = sink().deliver(new com.alphacast.core.distribution.Delivery(longBriefing, Tier.PREMIUM, Channel.TELEGRAM, "77"));

        assertThat(result).isInstanceOf(DeliveryResult.Sent.class);
        assertThat(telegram.sentPhotos()).singleElement().satisfies(photo -> {
            assertThat(photo.caption().length()).isLessThanOrEqualTo(TelegramRenderer.CAPTION_LIMIT);
            assertThat(photo.caption()).contains("Level 1: 661.25");
        });
        String all = telegram.sentPhotos().get(0).caption() + "\n" + String.join("\n",
                telegram.sentMessages().stream().map(FakeTelegram.SentMessage::text).toList());
        assertThat(telegram.sentMessages()).isNotEmpty();
        assertThat(all).contains("Level 40: 660.25");
    }

    @Test
    void outboxRecordsTheChartAsItsSizeAndDigestNotItsBytes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        try (OutboxSink outbox = new OutboxSink(Channel.TELEGRAM, dir, renderer())) {
            outbox.deliver(new com.alphacast.core.distribution.Delivery(Fixtures.morningBriefing(true), Tier.BASIC, Channel.TELEGRAM, "5"));
        }
        List<String> lines = java.nio.file.Files.readAllLines(dir.resolve("telegram.jsonl"));
        var request = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(0)).get("requests").get(0);
        assertThat(request.get("path").asText()).isEqualTo("/bot{token}/sendPhoto");
        assertThat(request.get("attachment").get("size").asInt()).isEqualTo(png.length);
        assertThat(request.get("attachment").get("sha256").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png)));
        assertThat(lines.get(0)).doesNotContain(java.util.Base64.getEncoder().encodeToString(png).substring(0, 40));
    }

    @Test
    void rendersThePhotoAsAMultipartRequestWithThePngInItsPhotoPart() {
        List<PlatformRequest> requests = renderer().requestsFor(Fixtures.morningBriefing(true), Tier.FREE, "9");
        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.attachment()).hasValueSatisfying(file -> {
                assertThat(file.field()).isEqualTo("photo");
                assertThat(file.contentType()).isEqualTo("image/png");
                assertThat(file.bytes()).isEqualTo(png);
            });
            assertThat(request.body().get("caption").asText()).contains("Holiday session");
        });
    }
}
