package com.alphacast.bots.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.bots.Fixtures;
import com.alphacast.bots.ManualTime;
import com.alphacast.bots.ratelimit.Backoff;
import com.alphacast.bots.render.BriefingComposer;
import com.alphacast.bots.x.XCredentials;
import com.alphacast.bots.x.XMediaUpload;
import com.alphacast.bots.x.XRenderer;
import com.alphacast.bots.x.XTransport;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Delivery;
import com.alphacast.core.distribution.DeliveryFailedException;
import com.alphacast.core.distribution.DeliveryResult;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.publication.ChartArchive;
import com.alphacast.fakes.Fault;
import com.alphacast.fakes.RecordedRequest;
import com.alphacast.fakes.x.FakeX;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A briefing's chart on X: uploaded with v2's one-shot media upload, then named by the post; never posted twice. */
class XChartSinkTest {

    private final ManualTime time = new ManualTime(Instant.now());
    private final FakeX x = new FakeX(time, new FakeX.Credentials("ck", "cs", "at", "ats", null));
    private final InMemorySentDeliveryLedger ledger = new InMemorySentDeliveryLedger();
    private final byte[] png = TelegramChartSinkTest.chartPng();
    private final ChartArchive charts = id -> id.equals("briefing:2026-11-27") ? Optional.of(png) : Optional.empty();
    private final Delivery briefing = new Delivery(Fixtures.morningBriefing(true), Tier.FREE, Channel.X, "alphacast");

    @AfterEach
    void stop() {
        assertThat(x.invalidRequests()).as("requests breaking X's OpenAPI spec").isEmpty();
        x.close();
    }

    private PlatformSink sink() {
        return new PlatformSink(new XRenderer(BriefingComposer.standard(), Optional.empty(), charts),
                XTransport.create(x.baseUri().toString(), new XCredentials("ck", "cs", "at", "ats"), Duration.ofMillis(500), time),
                ledger, SendPolicy.xDefaults(), new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), new SplittableRandom(5)),
                time, time);
    }

    private static boolean upload(RecordedRequest request) {
        return request.path().equals(XMediaUpload.PATH);
    }

    private static boolean post(RecordedRequest request) {
        return request.path().equals(XRenderer.CREATE_POST_PATH);
    }

    @Test
    void uploadsTheChartThenPostsNamingItsMediaId() throws Exception {
        DeliveryResult result = sink().deliver(briefing);

        assertThat(x.uploads()).singleElement().satisfies(upload -> {
            assertThat(upload.bytes()).isEqualTo(png);
            assertThat(upload.category()).isEqualTo("tweet_image");
        });
        assertThat(x.posts()).singleElement().satisfies(post -> {
            assertThat(post.mediaIds()).containsExactly(x.uploads().get(0).id());
            assertThat(post.text()).contains("Early close at 13:00 ET");
            assertThat(result).isEqualTo(new DeliveryResult.Sent(post.id()));
        });
        assertThat(x.requests()).extracting(RecordedRequest::path).containsExactly(XMediaUpload.PATH, XRenderer.CREATE_POST_PATH);
        assertThat(x.requests().get(0).headers().get("content-type")).startsWith("multipart/form-data; boundary=");
        assertThat(x.requests().get(0).headers().get("authorization")).startsWith("OAuth ").contains("oauth_signature=");
    }

    @Test
    void outboxRecordsThePostWithItsMediaPlaceholderAndTheChartsDigest(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        try (com.alphacast.bots.outbox.OutboxSink outbox = com.alphacast.bots.outbox.OutboxSink.forChannel(Channel.X, dir, charts)) {
            outbox.deliver(briefing);
        }
        var request = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(java.nio.file.Files.readAllLines(dir.resolve("x.jsonl")).get(0)).get("requests").get(0);
        assertThat(request.get("path").asText()).isEqualTo(XRenderer.CREATE_POST_PATH);
        assertThat(request.get("body").get("media").get("media_ids").get(0).asText()).isEqualTo(XRenderer.MEDIA_ID_PLACEHOLDER);
        assertThat(request.get("attachment").get("size").asInt()).isEqualTo(png.length);
        assertThat(x.requests()).as("the outbox sends nothing").isEmpty();
    }

    @Test
    void postsTheTextAloneWhenTheBriefingHasNoChart() throws Exception {
        sink().deliver(new Delivery(Fixtures.morningBriefing(false), Tier.FREE, Channel.X, "alphacast"));

        assertThat(x.uploads()).isEmpty();
        assertThat(x.posts()).singleElement().satisfies(post -> assertThat(post.mediaIds()).isEmpty());
    }

    @Test
    void aPostThatFailedAfterItsUploadIsRetriedWithAFreshUploadAndGoesOutOnce() throws Exception {
        x.faults().onlyFor(XChartSinkTest::post).next(Fault.serverError(503));

        DeliveryResult result = sink().deliver(briefing);

        assertThat(result).isInstanceOf(DeliveryResult.Sent.class);
        assertThat(x.uploads()).hasSize(2);
        assertThat(x.posts()).singleElement().satisfies(post -> assertThat(post.mediaIds()).containsExactly(x.uploads().get(1).id()));
    }

    @Test
    void aDeliveryRedeliveredAfterItsPostWentLiveUnheardIsNotPostedTwice() throws Exception {
        x.faults().onlyFor(XChartSinkTest::post).next(Fault.lostResponse(Duration.ZERO));

        DeliveryResult result = sink().deliver(briefing);
        DeliveryResult again = sink().deliver(briefing);

        assertThat(x.posts()).as("the post went live once").hasSize(1);
        assertThat(result).isEqualTo(new DeliveryResult.Sent(XTransport.DUPLICATE_REFERENCE));
        assertThat(again).isEqualTo(result);
        assertThat(x.requests().stream().filter(XChartSinkTest::post).count()).as("the redelivery sent nothing").isEqualTo(2);
    }

    @Test
    void anUploadThatKeepsFailingHandsTheDeliveryBackWithoutPostingTheTextAlone() throws Exception {
        x.faults().onlyFor(XChartSinkTest::upload).next(Fault.serverError(503), Fault.serverError(503),
                Fault.serverError(502), Fault.serverError(500));

        assertThatThrownBy(() -> sink().deliver(briefing)).isInstanceOf(DeliveryFailedException.class)
                .hasMessageContaining("X media upload 500");
        assertThat(x.posts()).isEmpty();

        assertThat(sink().deliver(briefing)).as("the queue's retry").isInstanceOf(DeliveryResult.Sent.class);
        assertThat(x.posts()).singleElement().satisfies(post -> assertThat(post.mediaIds()).hasSize(1));
    }

    @Test
    void anUploadRefusedForGoodRejectsTheDeliveryAndPostsNothing() throws Exception {
        x.faults().onlyFor(XChartSinkTest::upload).next(Fault.forbidden());

        DeliveryResult result = sink().deliver(briefing);

        assertThat(result).isInstanceOf(DeliveryResult.Rejected.class);
        assertThat(((DeliveryResult.Rejected) result).reason()).contains("X refused the media upload (403)");
        assertThat(x.posts()).isEmpty();
    }

    @Test
    void anUploadThrottledWaitsForTheResetThenPosts() throws Exception {
        x.faults().onlyFor(XChartSinkTest::upload).next(Fault.rateLimited(30));

        assertThat(sink().deliver(briefing)).isInstanceOf(DeliveryResult.Sent.class);
        assertThat(time.slept()).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(31));
        assertThat(x.posts()).hasSize(1);
    }
}
