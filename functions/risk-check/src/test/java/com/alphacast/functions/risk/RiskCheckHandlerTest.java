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
        Map<String, String> environment = new HashMap<>(cloud.functionEnvironment("RiskCheckFunction"));
        environment.put("ALPHACAST_CONFIG_DIR", LocalCloudExtension.projectRoot().resolve("config").toString());
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
        Map<String, String> environment = new HashMap<>(cloud.functionEnvironment("RiskCheckFunction"));
        environment.put("ALPHACAST_CONFIG_DIR", LocalCloudExtension.projectRoot().resolve("config").toString());
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
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(received.messageId());
        record.setReceiptHandle(received.receiptHandle());
        record.setBody(received.body());
        record.setEventSourceArn(cloud.queueArn("SignalsQueue"));
        record.setAttributes(received.attributesAsStrings());
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(record));

        SQSBatchResponse response = new RiskCheckHandler(environment)
                .handleRequest(event, new FakeContext("RiskCheckFunction"));

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(received.messageId());
        // Visible again after 5 s, so its group moves on; waiting 40 s is far below the 360 s it would have taken.
        Message again = receive(cloud, queue, 20).or(() -> receive(cloud, queue, 20)).orElseThrow(
                () -> new AssertionError("the failed signal was still hidden 40 s after its failure"));
        assertThat(again.messageId()).isEqualTo(received.messageId());
        assertThat(again.attributesAsStrings()).containsEntry("ApproximateReceiveCount", "2");
        cloud.sqs().deleteMessage(b -> b.queueUrl(queue).receiptHandle(again.receiptHandle()));
    }

    private static Optional<Message> receive(LocalCloud cloud, String queue, int waitSeconds) {
        return cloud.sqs().receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(waitSeconds).maxNumberOfMessages(1)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages().stream().findFirst();
    }
}
