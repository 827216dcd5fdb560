package com.alphacast.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.aws.json.JsonCodec;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.publication.Publication;
import com.alphacast.core.publication.TierRelease;
import com.alphacast.core.publication.TradeExit;
import com.alphacast.core.signal.Direction;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Every publication's release as SQS would receive it, checked against its documented limits without sending. */
class QueueReleaseQueueTest {

    private static final Instant AT = Instant.parse("2011-07-31T22:10:00Z");
    private static final LocalDate SESSION = LocalDate.of(2026, 11, 27);

    // Nothing listens on port 1: a test that reached SQS would fail with a connection error.
    private final SqsClient unreachable = SqsClient.builder()
            .endpointOverride(URI.create("http://127.0.0.1:1"))
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    private final QueueReleaseQueue queue = new QueueReleaseQueue(
            new QueuePublisher(unreachable, "http://127.0.0.1:1/000000000000/DeliveriesQueue", new JsonCodec()));

    @AfterEach
    void close() {
        unreachable.close();
    }

    private static TierRelease briefing(String premiumText) {
        return new TierRelease(new Publication.MorningBriefing(Publication.MorningBriefing.idOf(SESSION), SESSION, AT,
                "Levels", Map.of(Tier.PREMIUM, premiumText), true), Tier.PREMIUM, AT);
    }

    @Test
    void acceptsAnOrdinaryCloseAndBriefing() {
        TradeExit exit = new TradeExit("volume-spike:ESU1:2011-07-31T22:10:00Z", "ES", "ESU1", Direction.SHORT, 1,
                1303.25, 1305.0, TradeExit.ExitReason.STOP, AT, AT.plusSeconds(60), -87.5);

        assertThat(queue.refusals(new TierRelease(new Publication.StopHit(exit), Tier.FREE, AT))).isEmpty();
        assertThat(queue.refusals(briefing("Zero gamma 668.50 <é> 🟢"))).isEmpty();
    }

    @Test
    void refusesABriefingTooLargeForOneMessageAndNeverSendsIt() {
        TierRelease oversized = briefing("x".repeat(262_144));

        assertThat(queue.refusals(oversized)).singleElement().asString().contains("262144");
        assertThatThrownBy(() -> queue.enqueue(oversized, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SQS would refuse");
    }

    @Test
    void refusesABriefingWithACharacterSqsCannotCarry() {
        // Control characters are escaped in JSON; a non-character or a lone surrogate reaches SQS as it is.
        assertThat(queue.refusals(briefing("bell \u0007 rings"))).isEmpty();
        assertThat(queue.refusals(briefing("non-character \uFFFE"))).singleElement().asString()
                .startsWith("body contains U+FFFE at index");
        assertThat(queue.refusals(briefing("half an emoji \uD83D"))).singleElement().asString()
                .startsWith("body contains U+D83D at index");
    }
}
