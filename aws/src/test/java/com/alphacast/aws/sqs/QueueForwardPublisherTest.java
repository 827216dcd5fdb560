package com.alphacast.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.aws.json.JsonCodec;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.distribution.TierDispatch;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.usecase.approval.Forward;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The forwards as SQS would receive them, checked against its documented limits without sending anything. */
class QueueForwardPublisherTest {

    private static final Instant MARKET = Instant.parse("2011-07-31T22:10:00Z");

    // Nothing listens on port 1: a test that reached SQS would fail with a connection error.
    private final SqsClient unreachable = SqsClient.builder()
            .endpointOverride(URI.create("http://127.0.0.1:1"))
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    private final JsonCodec json = new JsonCodec();
    private final QueueForwardPublisher publisher = new QueueForwardPublisher(
            new QueuePublisher(unreachable, "http://127.0.0.1:1/000000000000/OrdersQueue", json),
            new QueuePublisher(unreachable, "http://127.0.0.1:1/000000000000/DeliveriesQueue", json));

    @AfterEach
    void close() {
        unreachable.close();
    }

    private static Signal signal(String id, String rationale) {
        return new Signal(id, "volume-spike", "ES", "ESU1", Direction.LONG, 1300.0, 1298.5, 1303.0, 1, 0.7, rationale,
                MARKET, MARKET);
    }

    /** A rationale that makes the signal's JSON exactly {@code bytes} long. */
    private String rationaleForBodyOf(int bytes) {
        int without = json.write(signal("s1", "")).length();
        return "x".repeat(bytes - without);
    }

    @Test
    void acceptsAnOrdinaryApprovalsForwards() {
        Signal signal = signal("volume-spike:ESU1:2011-07-31T22:10:00Z", "volume 4.1x baseline, +6 ticks <é>");

        assertThat(publisher.refusals(new Forward.ToOrders(signal))).isEmpty();
        assertThat(publisher.refusals(new Forward.ToTier(new TierDispatch(signal, Tier.FREE, MARKET), 900))).isEmpty();
    }

    @Test
    void refusesAMessageOverTheSizeLimitCountingItsAttributes() {
        // The body alone fits; with the signalId attribute (8 + 6 + 2 bytes) it is 1 byte over.
        Signal signal = signal("s1", rationaleForBodyOf(262_144 - 15));

        assertThat(publisher.refusals(new Forward.ToOrders(signal)))
                .containsExactly("message is 262145 bytes with its attributes, over SQS's limit of 262144 bytes (256 KiB)");
        assertThat(publisher.refusals(new Forward.ToOrders(signal("s1", rationaleForBodyOf(262_144 - 16))))).isEmpty();
    }

    @Test
    void refusesCharactersSqsDoesNotAllowInAttributesAndBody() {
        Signal controlInId = signal("s\u0001", "fine");
        Signal nonCharacterInBody = signal("s2", "bad \uFFFE here");
        Signal loneSurrogate = signal("s3", "half \uD83D pair");

        assertThat(publisher.refusals(new Forward.ToOrders(controlInId)))
                .containsExactly("attribute signalId contains U+0001 at index 1, which SQS refuses");
        assertThat(publisher.refusals(new Forward.ToOrders(nonCharacterInBody)))
                .singleElement().asString().startsWith("body contains U+FFFE at index");
        assertThat(publisher.refusals(new Forward.ToTier(new TierDispatch(loneSurrogate, Tier.PREMIUM, MARKET), 0)))
                .singleElement().asString().startsWith("body contains U+D83D at index");
        // Supplementary characters (a whole surrogate pair) are allowed.
        assertThat(publisher.refusals(new Forward.ToOrders(signal("s4", "rocket \uD83D\uDE80")))).isEmpty();
    }

    @Test
    void refusesADelayBeyondFifteenMinutes() {
        assertThat(SqsMessageRules.refusals("{}", Map.of(), 901))
                .containsExactly("delay of 901 s is outside SQS's 0..900 s");
    }

    @Test
    void publishRefusesAMessageSqsWouldRefuseWithoutSendingIt() {
        assertThatThrownBy(() -> publisher.publish(new Forward.ToOrders(signal("s\u0001", "fine"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SQS would refuse this Signal: attribute signalId contains U+0001 at index 1, which SQS refuses");
    }
}
