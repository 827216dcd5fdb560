package com.alphacast.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.aws.json.JsonCodec;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/** What a FIFO SignalsQueue receives from the publisher: one message group, the signal id as deduplication id. */
class FifoQueuePublisherTest {

    private static final String SIGNALS = "http://127.0.0.1:9/000000000000/alphacast-SignalsQueue.fifo";
    private static final Instant MARKET = Instant.parse("2011-07-31T22:10:00Z");

    private final JsonCodec json = new JsonCodec();
    private final RecordingSqs sqs = new RecordingSqs();

    /** Keeps every send; accepts everything. */
    private static final class RecordingSqs implements SqsClient {
        final List<SendMessageRequest> sent = new CopyOnWriteArrayList<>();
        final List<SendMessageBatchRequest> batches = new CopyOnWriteArrayList<>();

        @Override
        public SendMessageResponse sendMessage(SendMessageRequest request) {
            sent.add(request);
            return SendMessageResponse.builder().messageId("m" + sent.size()).build();
        }

        @Override
        public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
            batches.add(request);
            return SendMessageBatchResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {
        }
    }

    private static Signal signal(String id) {
        return new Signal(id, "volume-spike", "ES", "ESU1", Direction.LONG, 1300.0, 1298.5, 1303.0, 1, 0.7,
                "volume 4.1x baseline", MARKET, MARKET);
    }

    private QueuePublisher signalsQueue() {
        return new QueuePublisher(sqs, SIGNALS, json, FifoOrdering.signals());
    }

    @Test
    void sendsEverySignalInOneGroupDeduplicatedByItsId() {
        signalsQueue().publishAll(List.of(
                new QueuePublisher.Outgoing(signal("volume-spike:ESU1:2011-07-31T22:10:00Z"), Map.of("strategy", "volume-spike")),
                new QueuePublisher.Outgoing(signal("volume-spike:ESU1:2011-07-31T22:11:00Z"), Map.of("strategy", "volume-spike"))));

        assertThat(sqs.batches).singleElement().satisfies(batch -> {
            assertThat(batch.entries()).extracting(SendMessageBatchRequestEntry::messageGroupId).containsOnly("signals");
            assertThat(batch.entries()).extracting(SendMessageBatchRequestEntry::messageDeduplicationId).containsExactly(
                    "volume-spike:ESU1:2011-07-31T22:10:00Z", "volume-spike:ESU1:2011-07-31T22:11:00Z");
            assertThat(batch.entries()).extracting(SendMessageBatchRequestEntry::delaySeconds).containsOnlyNulls();
        });
    }

    @Test
    void sendsOneSignalWithoutADelayParameterWhichFifoQueuesRefuse() {
        signalsQueue().publish(signal("s-1"), 0, Map.of());

        assertThat(sqs.sent).singleElement().satisfies(request -> {
            assertThat(request.messageGroupId()).isEqualTo("signals");
            assertThat(request.messageDeduplicationId()).isEqualTo("s-1");
            assertThat(request.delaySeconds()).isNull();
        });
    }

    @Test
    void refusesAPerMessageDelayNamingTheFifoQueueBeforeSending() {
        QueuePublisher publisher = signalsQueue();

        assertThat(publisher.refusals(signal("s-2"), 2, Map.of())).singleElement().asString()
                .contains("delay of 2 s", "FIFO queue", "no per-message delay");
        assertThatThrownBy(() -> publisher.publish(signal("s-2"), 2, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no per-message delay");
        assertThat(sqs.sent).isEmpty();
    }

    @Test
    void deduplicatesByTheBodysSha256WhenTheMessageHasNoIdAndByTheIdsHashWhenSqsWouldRefuseIt() {
        FifoOrdering ordering = FifoOrdering.signals();
        String body = "{\"bar\":1}";

        // sha256sum of the body's bytes: what ContentBasedDeduplication would use.
        assertThat(ordering.deduplicationId(Map.of("bar", 1), body))
                .isEqualTo("81edb3074db919a6f7bc37cb82730cdf6c63804a624c76d9381f06720b401838");
        String spaced = "volume spike ESU1";
        assertThat(ordering.deduplicationId(signal(spaced), body)).isEqualTo(FifoOrdering.sha256(spaced));
        String tooLong = "x".repeat(129);
        assertThat(ordering.deduplicationId(signal(tooLong), body)).isEqualTo(FifoOrdering.sha256(tooLong));
    }

    @Test
    void refusesToMixUpFifoAndStandardQueues() {
        assertThatThrownBy(() -> new QueuePublisher(sqs, SIGNALS, json))
                .hasMessageContaining("is a FIFO queue").hasMessageContaining("FifoOrdering");
        assertThatThrownBy(() -> new QueuePublisher(sqs, "http://127.0.0.1:9/000000000000/signals", json,
                FifoOrdering.signals())).hasMessageContaining("is not a FIFO queue");
        assertThatThrownBy(() -> new FifoOrdering("two words", m -> java.util.Optional.empty()))
                .hasMessageContaining("message group id");
    }
}
