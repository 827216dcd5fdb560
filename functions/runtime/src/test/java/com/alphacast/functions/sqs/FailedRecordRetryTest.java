package com.alphacast.functions.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.functions.FakeContext;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;

class FailedRecordRetryTest {

    private static final String QUEUE = "http://127.0.0.1:9/000000000000/alphacast-SignalsQueue.fifo";

    private final FakeContext context = new FakeContext("RiskCheckFunction");

    /** Records every visibility change; answers as {@code answer} says. */
    private static final class RecordingSqs implements SqsClient {
        final List<ChangeMessageVisibilityBatchRequest> requests = new CopyOnWriteArrayList<>();
        private final boolean unreachable;
        private final boolean receiptsExpired;

        RecordingSqs(boolean unreachable, boolean receiptsExpired) {
            this.unreachable = unreachable;
            this.receiptsExpired = receiptsExpired;
        }

        @Override
        public ChangeMessageVisibilityBatchResponse changeMessageVisibilityBatch(ChangeMessageVisibilityBatchRequest request) {
            requests.add(request);
            if (unreachable) {
                throw SdkClientException.create("connection refused");
            }
            if (receiptsExpired) {
                return ChangeMessageVisibilityBatchResponse.builder().failed(request.entries().stream()
                        .map(e -> BatchResultErrorEntry.builder().id(e.id()).code("ReceiptHandleIsInvalid")
                                .message("expired").senderFault(true).build()).toList()).build();
            }
            return ChangeMessageVisibilityBatchResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {
        }
    }

    private static SQSEvent event(int records) {
        SQSEvent event = new SQSEvent();
        event.setRecords(IntStream.range(0, records).mapToObj(i -> {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId("m" + i);
            message.setReceiptHandle("receipt-" + i);
            return message;
        }).toList());
        return event;
    }

    private static SQSBatchResponse failed(String... ids) {
        return SQSBatchResponse.builder().withBatchItemFailures(List.of(ids).stream()
                .map(id -> SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(id).build()).toList()).build();
    }

    @Test
    void bringsBackOnlyTheFailedRecordsAfterTheRetryDelay() {
        RecordingSqs sqs = new RecordingSqs(false, false);
        SQSBatchResponse response = failed("m1", "m3");

        SQSBatchResponse returned = new FailedRecordRetry(sqs, QUEUE, Duration.ofSeconds(5))
                .retrySoon(event(4), response, context);

        assertThat(returned).isSameAs(response);
        assertThat(sqs.requests).singleElement().satisfies(request -> {
            assertThat(request.queueUrl()).isEqualTo(QUEUE);
            assertThat(request.entries()).extracting(ChangeMessageVisibilityBatchRequestEntry::receiptHandle)
                    .containsExactly("receipt-1", "receipt-3");
            assertThat(request.entries()).extracting(ChangeMessageVisibilityBatchRequestEntry::visibilityTimeout)
                    .containsOnly(5);
        });
    }

    @Test
    void changesNothingWhenEveryRecordSucceeded() {
        RecordingSqs sqs = new RecordingSqs(false, false);

        new FailedRecordRetry(sqs, QUEUE, Duration.ofSeconds(5)).retrySoon(event(3), failed(), context);

        assertThat(sqs.requests).isEmpty();
    }

    @Test
    void sendsAtMostTenChangesPerRequest() {
        RecordingSqs sqs = new RecordingSqs(false, false);
        String[] all = IntStream.range(0, 12).mapToObj(i -> "m" + i).toArray(String[]::new);

        new FailedRecordRetry(sqs, QUEUE, Duration.ofSeconds(5)).retrySoon(event(12), failed(all), context);

        assertThat(sqs.requests).extracting(r -> r.entries().size()).containsExactly(10, 2);
    }

    @Test
    void keepsTheFailuresAndSaysSoWhenSqsRefusesOrCannotBeReached() {
        SQSBatchResponse response = failed("m0");

        assertThat(new FailedRecordRetry(new RecordingSqs(true, false), QUEUE, Duration.ofSeconds(5))
                .retrySoon(event(1), response, context)).isSameAs(response);
        assertThat(new FailedRecordRetry(new RecordingSqs(false, true), QUEUE, Duration.ofSeconds(5))
                .retrySoon(event(1), response, context)).isSameAs(response);

        assertThat(context.log()).contains("connection refused", "ReceiptHandleIsInvalid",
                "returns after the queue's visibility timeout");
    }

    @Test
    void retriesAfterFiveSecondsOrTheQueuesShorterVisibilityTimeout() {
        assertThat(FailedRecordRetry.retryWithin("360")).isEqualTo(Duration.ofSeconds(5));
        assertThat(FailedRecordRetry.retryWithin("2")).isEqualTo(Duration.ofSeconds(2));
        assertThatThrownBy(() -> FailedRecordRetry.retryWithin("six minutes"))
                .hasMessageContaining("'six minutes'");
    }

    @Test
    void waitsLongerAfterEachReceiveUpToTheQueuesVisibilityTimeoutSoAnOutageIsRiddenOut() {
        FailedRecordRetry retry = new FailedRecordRetry(new RecordingSqs(false, false), QUEUE, Duration.ofSeconds(5),
                FailedRecordRetry.ceilingOf("360"));

        assertThat(List.of(1, 2, 3, 4, 5, 9).stream().map(retry::delayAfter).map(Duration::toSeconds))
                .containsExactly(5L, 20L, 80L, 320L, 360L, 360L);
    }

    @Test
    void aRecordReceivedAgainIsBroughtBackLaterThanOneReceivedOnce() {
        RecordingSqs sqs = new RecordingSqs(false, false);
        SQSEvent event = event(2);
        event.getRecords().get(1).setAttributes(java.util.Map.of("ApproximateReceiveCount", "3"));

        new FailedRecordRetry(sqs, QUEUE, Duration.ofSeconds(5), Duration.ofSeconds(360))
                .retrySoon(event, failed("m0", "m1"), context);

        assertThat(sqs.requests).singleElement().satisfies(request -> assertThat(request.entries())
                .extracting(ChangeMessageVisibilityBatchRequestEntry::visibilityTimeout).containsExactly(5, 80));
    }

    @Test
    void bringsBackTheRecordsABatchDidNotStartAtOnceAndTheFailedOnesAfterTheirDelay() {
        RecordingSqs sqs = new RecordingSqs(false, false);
        SQSBatchResponse response = failed("m1", "m2", "m3");

        SQSBatchResponse returned = new FailedRecordRetry(sqs, QUEUE, Duration.ofSeconds(5))
                .retrySoon(event(4), new PartialBatch.Outcome(response, Set.of("m2", "m3")), context);

        assertThat(returned).isSameAs(response);
        assertThat(sqs.requests).singleElement().satisfies(request -> assertThat(request.entries())
                .extracting(ChangeMessageVisibilityBatchRequestEntry::visibilityTimeout).containsExactly(5, 0, 0));
    }
}
