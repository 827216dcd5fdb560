package com.alphacast.bots.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.bots.Fixtures;
import com.alphacast.bots.ManualTime;
import com.alphacast.bots.ratelimit.Backoff;
import com.alphacast.bots.x.XCredentials;
import com.alphacast.bots.x.XRenderer;
import com.alphacast.bots.x.XTransport;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.DeliveryFailedException;
import com.alphacast.core.distribution.DeliveryResult;
import com.alphacast.core.distribution.Tier;
import com.alphacast.fakes.Fault;
import com.alphacast.fakes.x.FakeX;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class XSinkTest {

    private final ManualTime time = new ManualTime(Instant.now());
    private final FakeX x = new FakeX(time,
            new FakeX.Credentials("ck", "cs", "at", "ats", null));
    private final InMemorySentDeliveryLedger ledger = new InMemorySentDeliveryLedger();

    @AfterEach
    void stop() {
        assertThat(x.invalidRequests()).as("requests breaking X's OpenAPI spec").isEmpty();
        x.close();
    }

    private PlatformSink sink(XCredentials credentials, SendPolicy policy) {
        return new PlatformSink(XRenderer.standard(), XTransport.create(x.baseUri().toString(), credentials, Duration.ofSeconds(5), time),
                ledger, policy, new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), new SplittableRandom(5)), time, time);
    }

    private PlatformSink sink() {
        return sink(new XCredentials("ck", "cs", "at", "ats"), SendPolicy.xDefaults());
    }

    @Test
    void postsSignedTweetWithoutPremiumDetail() throws Exception {
        DeliveryResult result = sink().deliver(Fixtures.delivery(Fixtures.longEs(), Tier.PREMIUM, Channel.X, "alphacast"));
        assertThat(result).isInstanceOf(DeliveryResult.Sent.class);
        assertThat(x.posts()).singleElement().satisfies(post -> {
            assertThat(((DeliveryResult.Sent) result).reference()).isEqualTo(post.id());
            assertThat(post.text()).contains("BUY ES (bullish)").doesNotContain("ESZ6", "4998", "5040.5");
        });
        assertThat(x.requests().get(0).headers().get("authorization")).startsWith("OAuth ").contains("oauth_signature=");
    }

    @Test
    void wrongSecretFailsSignatureAndIsRejected() throws Exception {
        DeliveryResult result = sink(new XCredentials("ck", "WRONG", "at", "ats"), SendPolicy.xDefaults())
                .deliver(Fixtures.delivery(Fixtures.longEs(), Tier.FREE, Channel.X, "alphacast"));
        assertThat(result).isInstanceOf(DeliveryResult.Rejected.class);
        assertThat(((DeliveryResult.Rejected) result).reason()).contains("401");
    }

    @Test
    void rateLimitWaitsUntilResetEpochSecond() throws Exception {
        x.faults().next(Fault.rateLimited(20));
        assertThat(sink().deliver(Fixtures.delivery(Fixtures.longEs(), Tier.BASIC, Channel.X, "alphacast")))
                .isInstanceOf(DeliveryResult.Sent.class);
        assertThat(time.slept()).isBetween(Duration.ofSeconds(19), Duration.ofSeconds(21));
        assertThat(x.posts()).hasSize(1);
    }

    @Test
    void postingWindowExhaustedBeyondInlineBudgetIsHandedBack() throws Exception {
        x.limitPosts(1, 3600);
        PlatformSink sink = sink(new XCredentials("ck", "cs", "at", "ats"), SendPolicy.xDefaults()
                .withAccountLimit(new com.alphacast.bots.ratelimit.RateLimit(50, Duration.ofHours(1))));
        sink.deliver(Fixtures.delivery(Fixtures.longEs(), Tier.BASIC, Channel.X, "alphacast"));
        assertThatThrownBy(() -> sink.deliver(Fixtures.delivery(Fixtures.hostileShort(), Tier.BASIC, Channel.X, "alphacast")))
                .isInstanceOf(DeliveryFailedException.class).hasMessageContaining("rate limited");
        assertThat(x.posts()).hasSize(1);
        assertThat(x.throttledByLimits()).as("429s from the posting window, not injected").isEqualTo(1);
    }

    @Test
    void postAcceptedButAnswerLostIsSentNotRefusedWhenTheRetryMeetsDuplicateContent() throws Exception {
        x.faults().next(Fault.lostResponse(Duration.ZERO));
        PlatformSink sink = new PlatformSink(XRenderer.standard(),
                XTransport.create(x.baseUri().toString(), new XCredentials("ck", "cs", "at", "ats"), Duration.ofMillis(500), time),
                ledger, SendPolicy.xDefaults(), new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), new SplittableRandom(5)),
                time, time);
        DeliveryResult result = sink.deliver(Fixtures.delivery(Fixtures.longEs(), Tier.FREE, Channel.X, "alphacast"));

        assertThat(x.requests()).extracting(request -> request.status()).containsExactly(201, 403);
        assertThat(x.posts()).as("the post went live once").hasSize(1);
        assertThat(result).isInstanceOf(DeliveryResult.Sent.class);
        assertThat(((DeliveryResult.Sent) result).reference()).isEqualTo(XTransport.DUPLICATE_REFERENCE);
    }

    @Test
    void forbiddenForAnyOtherReasonStaysAPermanentRefusal() throws Exception {
        x.faults().next(Fault.forbidden());
        assertThat(sink().deliver(Fixtures.delivery(Fixtures.longEs(), Tier.FREE, Channel.X, "alphacast")))
                .isInstanceOf(DeliveryResult.Rejected.class);
        assertThat(x.posts()).isEmpty();
    }

    @Test
    void serviceUnavailableIsRetried() throws Exception {
        x.faults().next(Fault.serverError(503));
        assertThat(sink().deliver(Fixtures.delivery(Fixtures.longEs(), Tier.FREE, Channel.X, "alphacast")))
                .isInstanceOf(DeliveryResult.Sent.class);
        assertThat(x.posts()).hasSize(1);
    }
}
