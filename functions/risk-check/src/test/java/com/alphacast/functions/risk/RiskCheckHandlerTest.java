package com.alphacast.functions.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.aws.json.JsonCodec;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.functions.FakeContext;
import com.alphacast.functions.FunctionResources;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** The handler called directly with an event in the exact JSON shape Lambda sends. */
class RiskCheckHandlerTest {

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forProjectTemplate()
            .parameter("Profile", "demo")
            // No position function runs the bars here: deciding must not wait for it.
            .parameter("ExitCheckWaitSeconds", "0")
            .withoutFunctions()
            .build();

    @Test
    void movesTheMalformedRecordToTheDeadLetterQueueAtOnceAndDecidesTheRest(LocalCloud cloud) {
        Map<String, String> environment = environmentOf(cloud);
        SQSEvent event = EventLoader.loadSQSEvent("events/signals-batch-with-malformed-record.json");

        // The good record was observed at 2099-01-01T00:00:00Z: the check runs 30 s later (a signal from the future
        // is refused, so the fixture can no longer dodge the staleness limit by lying about its time).
        Clock thirtySecondsLater = Clock.fixed(Instant.parse("2099-01-01T00:00:30Z"), ZoneOffset.UTC);
        SQSBatchResponse response = new RiskCheckHandler(new FunctionResources(environment), thirtySecondsLater)
                .handleRequest(event, new FakeContext("RiskCheckFunction"));

        // Retrying it could never help, and would hold every signal behind it in SignalsQueue's FIFO group.
        assertThat(response.getBatchItemFailures()).isEmpty();
        Message deadLettered = receive(cloud, cloud.queueUrl("SignalsDeadLetterQueue"), 5).orElseThrow();
        assertThat(deadLettered.body()).isEqualTo("{\"id\": \"half a signal\"");
        assertThat(deadLettered.messageAttributes().get("sourceMessageId").stringValue())
                .isEqualTo("2e1424d4-f796-459a-8184-9c92662be6da");
        assertThat(deadLettered.messageAttributes().get("reason").stringValue()).startsWith("unreadable signal: ");
        // The good record was decided and forwarded to the orders queue.
        assertThat(cloud.messageCount("OrdersQueue")).isEqualTo(1);
    }

    @Test
    void bringsAFailedSignalBackInSecondsRatherThanAfterTheQueuesVisibilityTimeout(LocalCloud cloud) {
        Map<String, String> environment = environmentOf(cloud);
        // A table that is not there stands for DynamoDB being unreachable: a failure a retry can get past.
        environment.put("SIGNALS_TABLE", "no-such-table");
        environment.remove("AWS_LAMBDA_INITIALIZATION_TYPE");
        String queue = cloud.queueUrl("SignalsQueue");
        Instant at = Instant.parse("2011-07-31T22:45:00Z");
        String signal = new JsonCodec().write(new Signal("volume-spike:ESU1:" + at, "volume-spike", "ES", "ESU1",
                Direction.LONG, 1303.5, 1302.0, 1306.5, 1, 0.7, "test", at, Instant.now()));
        cloud.sqs().sendMessage(b -> b.queueUrl(queue).messageGroupId("signals").messageDeduplicationId("transient")
                .messageBody(signal));
        // Received as Lambda's poller receives it: hidden for the template's 360 s from now.
        Message received = receive(cloud, queue, 20).orElseThrow();

        SQSBatchResponse response = new RiskCheckHandler(environment)
                .handleRequest(event(cloud, List.of(received)), new FakeContext("RiskCheckFunction"));

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(received.messageId());
        // Visible again after 5 s, so its group moves on; waiting 40 s is far below the 360 s it would have taken.
        Message again = receive(cloud, queue, 20).or(() -> receive(cloud, queue, 20)).orElseThrow(
                () -> new AssertionError("the failed signal was still hidden 40 s after its failure"));
        assertThat(again.messageId()).isEqualTo(received.messageId());
        assertThat(again.attributesAsStrings()).containsEntry("ApproximateReceiveCount", "2");
        cloud.sqs().deleteMessage(b -> b.queueUrl(queue).receiptHandle(again.receiptHandle()));
    }

    @Test
    void decidesTheSignalsQueuedInABurstInOneInvocationInMarketOrder(LocalCloud cloud) {
        String queue = cloud.queueUrl("SignalsQueue");
        Instant first = Instant.parse("2011-08-01T14:31:00Z");
        List<String> inMarketOrder = List.of(signalId(first), signalId(first.plusSeconds(60)),
                signalId(first.plusSeconds(120)));
        // Sent out of market order: the batch is decided in market order all the same.
        sendSignals(cloud, "burst", first.plusSeconds(120), first, first.plusSeconds(60));
        List<Message> burst = receiveBatch(cloud, queue);
        try {
            assertThat(burst).as("one receive returns the group's three signals, as Lambda's poller gets them")
                    .hasSize(3);
            FakeContext context = new FakeContext("RiskCheckFunction");

            SQSBatchResponse response = new RiskCheckHandler(environmentOf(cloud))
                    .handleRequest(event(cloud, burst), context);

            assertThat(response.getBatchItemFailures()).isEmpty();
            assertThat(context.lines()).filteredOn(line -> line.startsWith("approved ") || line.startsWith("rejected "))
                    .extracting(line -> inMarketOrder.stream().filter(line::contains).findFirst().orElse(line))
                    .containsExactlyElementsOf(inMarketOrder);
        } finally {
            delete(cloud, queue, burst);
        }
    }

    @Test
    void returnsAtOnceTheSignalsOfABatchItHasNoTimeLeftToDecide(LocalCloud cloud) {
        String queue = cloud.queueUrl("SignalsQueue");
        Instant first = Instant.parse("2011-08-02T14:31:00Z");
        sendSignals(cloud, "late-burst", first, first.plusSeconds(60), first.plusSeconds(120));
        List<Message> burst = receiveBatch(cloud, queue);
        List<Message> again = List.of();
        try {
            assertThat(burst).as("one receive returns the group's three signals, as Lambda's poller gets them")
                    .hasSize(3);
            // 9 s left: less than the 10 s a decision is given, so only the first is started.
            FakeContext nearTimeout = new FakeContext("RiskCheckFunction", () -> 9_000);

            SQSBatchResponse response = new RiskCheckHandler(environmentOf(cloud))
                    .handleRequest(event(cloud, burst), nearTimeout);

            assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                    .containsExactly(burst.get(1).messageId(), burst.get(2).messageId());
            assertThat(nearTimeout.log()).contains(signalId(first)).doesNotContain(signalId(first.plusSeconds(60)));
            // The first is deleted as Lambda's poller would; the other two are visible again at once, not after 5 s.
            delete(cloud, queue, burst.subList(0, 1));
            again = receiveBatch(cloud, queue);
            assertThat(again).extracting(Message::messageId)
                    .containsExactly(burst.get(1).messageId(), burst.get(2).messageId());
        } finally {
            delete(cloud, queue, burst);
            delete(cloud, queue, again);
        }
    }

    @Test
    void theTemplateGivesABatchTimeForTwoFullExitWaitsAndRoomToDecide(LocalCloud cloud) {
        // With less, even a batch's first signal would wait less than ExitCheckWaitSeconds allows.
        int timeout = cloud.plan().functions().get("RiskCheckFunction").timeoutSeconds();

        assertThat(Duration.ofSeconds(timeout)).isGreaterThanOrEqualTo(RiskCheckHandler.LONGEST_EXIT_WAIT
                .multipliedBy(2).plus(RiskCheckHandler.DECISION_ROOM.multipliedBy(2)));
    }

    @Test
    void anExitWaitLeavesTwoDecisionsRoomOfWhatTheBatchHasLeft() {
        assertThat(RiskCheckHandler.exitWaitAllowed(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(40));
        assertThat(RiskCheckHandler.exitWaitAllowed(Duration.ofSeconds(25))).isEqualTo(Duration.ofSeconds(5));
        assertThat(RiskCheckHandler.exitWaitAllowed(Duration.ofSeconds(15))).isNegative();
    }

    private static String signalId(Instant at) {
        return "volume-spike:ESU1:" + at;
    }

    /**
     * Signals seen an hour ago: rejected as stale, so they take no risk slot that a test deciding an earlier market
     * time would find taken (this class shares one stack, and decisions must come in market order). Each test sends
     * in a message group of its own, so one that fails with its messages in flight holds up no other.
     */
    private static void sendSignals(LocalCloud cloud, String group, Instant... marketTimes) {
        for (Instant at : marketTimes) {
            String signal = new JsonCodec().write(new Signal(signalId(at), "volume-spike", "ES", "ESU1",
                    Direction.LONG, 1303.5, 1302.0, 1306.5, 1, 0.7, "test", at, Instant.now().minusSeconds(3600)));
            cloud.sqs().sendMessage(b -> b.queueUrl(cloud.queueUrl("SignalsQueue")).messageGroupId(group)
                    .messageDeduplicationId(signalId(at)).messageBody(signal));
        }
    }

    /** One receive as Lambda's poller makes it (up to ten records, every attribute). */
    private static List<Message> receiveBatch(LocalCloud cloud, String queue) {
        return cloud.sqs().receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(2).maxNumberOfMessages(10)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
    }

    /** Deletes what a test received (a receipt already used or expired is ignored: this is clean-up). */
    private static void delete(LocalCloud cloud, String queue, List<Message> messages) {
        for (Message message : messages) {
            try {
                cloud.sqs().deleteMessage(b -> b.queueUrl(queue).receiptHandle(message.receiptHandle()));
            } catch (SqsException alreadyGone) {
                // Deleted before, or its receipt replaced by a later receive.
            }
        }
    }

    /** The records as Lambda's poller hands them to the function. */
    private static SQSEvent event(LocalCloud cloud, List<Message> messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(received -> {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(received.messageId());
            record.setReceiptHandle(received.receiptHandle());
            record.setBody(received.body());
            record.setEventSourceArn(cloud.queueArn("SignalsQueue"));
            record.setAttributes(received.attributesAsStrings());
            return record;
        }).toList());
        return event;
    }

    /** The function's environment from the template, reading the project's config (a copy each test may change). */
    private static Map<String, String> environmentOf(LocalCloud cloud) {
        Map<String, String> environment = new HashMap<>(cloud.functionEnvironment("RiskCheckFunction"));
        environment.put("ALPHACAST_CONFIG_DIR", LocalCloudExtension.projectRoot().resolve("config").toString());
        return environment;
    }

    private static Optional<Message> receive(LocalCloud cloud, String queue, int waitSeconds) {
        return cloud.sqs().receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(waitSeconds).maxNumberOfMessages(1)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages().stream().findFirst();
    }
}
