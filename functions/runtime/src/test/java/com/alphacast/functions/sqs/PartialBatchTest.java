package com.alphacast.functions.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.functions.FakeContext;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class PartialBatchTest {

    private final FakeContext context = new FakeContext("test");
    private final List<String> processed = new ArrayList<>();

    private static SQSEvent.SQSMessage message(String id, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody(body);
        message.setAttributes(Map.of("ApproximateReceiveCount", "3"));
        return message;
    }

    private static SQSEvent.SQSMessage fifoMessage(String id, String group, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody(body);
        message.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:alphacast-SignalsQueue.fifo");
        message.setAttributes(Map.of("ApproximateReceiveCount", "1", "MessageGroupId", group));
        return message;
    }

    private static SQSEvent event(SQSEvent.SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(messages));
        return event;
    }

    @Test
    void onlyTheFailingRecordIsReportedAndTheRestAreProcessed() {
        SQSBatchResponse response = PartialBatch.process(event(message("m1", "ok"), message("m2", "bad"),
                message("m3", "ok")), context, message -> {
            if (message.getBody().equals("bad")) {
                throw new IllegalArgumentException("half a signal");
            }
            processed.add(message.getMessageId());
        });

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m2");
        assertThat(processed).containsExactly("m1", "m3");
        assertThat(context.lines()).singleElement().asString().contains("m2").contains("receive 3").contains("half a signal");
    }

    @Test
    void eventWithoutRecordsReportsNoFailures() {
        SQSBatchResponse response = PartialBatch.process(new SQSEvent(), context,
                message -> processed.add(message.getMessageId()));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(processed).isEmpty();
    }

    @Test
    void failsEveryLaterRecordOfAFifoGroupAfterItsFirstFailureWithoutProcessingIt() {
        SQSBatchResponse response = PartialBatch.process(event(fifoMessage("m1", "signals", "ok"),
                fifoMessage("m2", "signals", "bad"), fifoMessage("m3", "signals", "ok"),
                fifoMessage("m4", "signals", "ok")), context, message -> {
            if (message.getBody().equals("bad")) {
                throw new IllegalStateException("throttled");
            }
            processed.add(message.getMessageId());
        });

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m2", "m3", "m4");
        assertThat(processed).containsExactly("m1");
        assertThat(context.log()).contains("m3 not processed", "message group signals");
    }

    @Test
    void keepsProcessingOtherFifoGroupsAfterOneGroupFails() {
        SQSBatchResponse response = PartialBatch.process(event(fifoMessage("a1", "a", "bad"),
                fifoMessage("b1", "b", "ok"), fifoMessage("a2", "a", "ok"), fifoMessage("b2", "b", "ok")), context,
                message -> {
                    if (message.getBody().equals("bad")) {
                        throw new IllegalStateException("throttled");
                    }
                    processed.add(message.getMessageId());
                });

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("a1", "a2");
        assertThat(processed).containsExactly("b1", "b2");
    }

    @Test
    void aStandardQueueRecordFailsAloneEvenWithAMessageGroup() {
        SQSEvent.SQSMessage first = message("m1", "bad");
        first.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:alphacast-OrdersQueue");
        first.setAttributes(Map.of("ApproximateReceiveCount", "1", "MessageGroupId", "g"));
        SQSEvent.SQSMessage second = message("m2", "ok");
        second.setEventSourceArn(first.getEventSourceArn());
        second.setAttributes(first.getAttributes());

        SQSBatchResponse response = PartialBatch.process(event(first, second), context, message -> {
            if (message.getBody().equals("bad")) {
                throw new IllegalStateException("throttled");
            }
            processed.add(message.getMessageId());
        });

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m1");
        assertThat(processed).containsExactly("m2");
    }

    @Test
    void startsNoRecordOnceLessThanTheReserveIsLeftAndReportsTheRestAsNotStarted() {
        // 30 s left at the start; the first record leaves 9 s, below the 10 s one record may need.
        Supplier<Duration> timeLeft = () -> Duration.ofSeconds(processed.isEmpty() ? 30 : 9);

        PartialBatch.Outcome outcome = PartialBatch.processWhileTimeLeft(event(fifoMessage("m1", "signals", "ok"),
                fifoMessage("m2", "signals", "ok"), fifoMessage("m3", "signals", "ok")), context, timeLeft,
                Duration.ofSeconds(10), message -> processed.add(message.getMessageId()));

        assertThat(processed).containsExactly("m1");
        assertThat(outcome.response().getBatchItemFailures())
                .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier).containsExactly("m2", "m3");
        assertThat(outcome.notStarted()).containsExactlyInAnyOrder("m2", "m3");
        assertThat(context.lines()).singleElement().asString()
                .contains("m2", "not started", "9000 ms left", "10000 ms");
    }

    @Test
    void theFirstRecordStartsHoweverLittleTimeIsLeftSoABatchAlwaysMovesOn() {
        PartialBatch.Outcome outcome = PartialBatch.processWhileTimeLeft(event(message("m1", "ok"), message("m2", "ok")),
                context, () -> Duration.ofSeconds(1), Duration.ofSeconds(10),
                message -> processed.add(message.getMessageId()));

        assertThat(processed).containsExactly("m1");
        assertThat(outcome.notStarted()).containsExactly("m2");
    }

    @Test
    void recordsHeldBackBehindAFailureAreNotCountedAsNotStartedEvenWhenTimeRunsOut() {
        // m1 fails, which holds back m2 (its group); m3 (another group) finds the time gone.
        PartialBatch.Outcome outcome = PartialBatch.processWhileTimeLeft(event(fifoMessage("m1", "signals", "bad"),
                fifoMessage("m2", "signals", "ok"), fifoMessage("m3", "other", "ok")), context,
                () -> Duration.ofSeconds(1), Duration.ofSeconds(10), message -> {
                    throw new IllegalStateException("table unreachable");
                });

        assertThat(outcome.response().getBatchItemFailures())
                .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier).containsExactly("m1", "m2", "m3");
        assertThat(outcome.notStarted()).containsExactly("m3");
    }
}
