package com.alphacast.localcloud;

import static com.alphacast.localcloud.testing.CloudProbes.deliveries;
import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.localcloud.junit.LocalCloudExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * FIFO queues as the project's SignalsQueue uses them (templates/fifo-stack.yaml): created from the template with
 * their .fifo names and attributes, delivered to the function one batch per message group at a time even with five
 * pollers (as Lambda does, which is what makes the risk check serial), and a record that keeps failing is redriven to
 * the FIFO dead-letter queue while the records behind it in its group wait.
 */
class FifoQueueTest {

    private static final Duration PATIENCE = Duration.ofSeconds(40);

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forTemplate(TestTemplates.path("fifo-stack.yaml"))
            .loadHandlersFrom(FifoQueueTest.class.getClassLoader())
            .build();

    @Test
    void createsFifoQueuesWithTheirFifoNamesDeduplicationAndFifoDeadLetterQueue() {
        LocalCloud cloud = CLOUD.get();
        for (String queue : List.of("GroupedQueue", "GroupedDeadLetterQueue", "RetriedQueue", "RetriedDeadLetterQueue")) {
            assertThat(cloud.queueName(queue)).isEqualTo(cloud.stackName() + "-" + queue + ".fifo");
            assertThat(cloud.queueUrl(queue)).endsWith("/" + cloud.queueName(queue));
            assertThat(attributes(cloud, queue)).as(queue)
                    .containsEntry("FifoQueue", "true").containsEntry("ContentBasedDeduplication", "true");
        }
        assertThat(attributes(cloud, "RetriedQueue").get("RedrivePolicy"))
                .contains(cloud.queueArn("RetriedDeadLetterQueue")).containsPattern("\"maxReceiveCount\" *: *\"?2\"?");
        assertThat(cloud.deadLetterQueueOf("RetriedQueue")).hasValue("RetriedDeadLetterQueue");
    }

    @Test
    void deliversOneBatchPerMessageGroupAtATimeWhateverThePollers() {
        LocalCloud cloud = CLOUD.get();
        cloud.sqs().sendMessageBatch(b -> b.queueUrl(cloud.queueUrl("GroupedQueue")).entries(
                entry("a1", "a"), entry("a2", "a"), entry("a3", "a"), entry("b1", "b")));
        // Group a's first record and group b's are held at the gate; a2 and a3 wait behind a1, though three pollers
        // are idle: SQS hands out no record of a group that has one in flight.
        awaitTrue(() -> counter(cloud, "grouped#arrived") == 2 && inFlight(cloud, "GroupedQueue") == 2);
        assertThat(counter(cloud, "grouped#peak")).isEqualTo(2);
        openGate(cloud, "grouped");
        cloud.awaitIdle(PATIENCE);

        assertThat(counter(cloud, "grouped#arrived")).isEqualTo(4);
        assertThat(counter(cloud, "grouped#peak")).isEqualTo(2);
        assertThat(cloud.functionStats("GroupedFunction").peakConcurrency()).isEqualTo(2);
        assertThat(cloud.functionStats("GroupedFunction").errors()).isZero();
    }

    @Test
    void redrivesAFailingRecordToTheFifoDeadLetterQueueBeforeItsGroupGoesOn() {
        LocalCloud cloud = CLOUD.get();
        cloud.sqs().sendMessageBatch(b -> b.queueUrl(cloud.queueUrl("RetriedQueue")).entries(
                SendMessageBatchRequestEntry.builder().id("bad").messageGroupId("signals")
                        .messageBody("{\"id\":\"poison\",\"fail\":true}").build(),
                SendMessageBatchRequestEntry.builder().id("next").messageGroupId("signals")
                        .messageBody("{\"id\":\"behind-1\"}").build(),
                SendMessageBatchRequestEntry.builder().id("last").messageGroupId("signals")
                        .messageBody("{\"id\":\"behind-2\"}").build()));
        cloud.awaitIdle(PATIENCE);

        List<Map<String, AttributeValue>> poison = deliveries(cloud, "poison");
        // Received maxReceiveCount (2) times, then moved on its next receive; under load a timed-out invocation
        // counts as a receive too, so the receive counts recorded are not asserted one by one.
        assertThat(poison).isNotEmpty().allSatisfy(d -> assertThat(d.get("sk").n()).isIn("1", "2"));
        List<Message> deadLetters = cloud.sqs().receiveMessage(b -> b.queueUrl(cloud.queueUrl("RetriedDeadLetterQueue"))
                .maxNumberOfMessages(10)).messages();
        assertThat(deadLetters).extracting(Message::body).containsExactly("{\"id\":\"poison\",\"fail\":true}");
        // The records behind it were delivered, in order, only after it had left the group.
        long lastPoisonDelivery = poison.stream().mapToLong(FifoQueueTest::sequence).max().orElseThrow();
        long first = deliveries(cloud, "behind-1").stream().mapToLong(FifoQueueTest::sequence).min().orElseThrow();
        long second = deliveries(cloud, "behind-2").stream().mapToLong(FifoQueueTest::sequence).min().orElseThrow();
        assertThat(first).isGreaterThan(lastPoisonDelivery).isLessThan(second);
    }

    private static long sequence(Map<String, AttributeValue> delivery) {
        return Long.parseLong(delivery.get("seq").n());
    }

    private static SendMessageBatchRequestEntry entry(String id, String group) {
        return SendMessageBatchRequestEntry.builder().id(id).messageGroupId(group).messageBody("record " + id).build();
    }

    private static Map<String, String> attributes(LocalCloud cloud, String queue) {
        return cloud.sqs().getQueueAttributes(b -> b.queueUrl(cloud.queueUrl(queue))
                .attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
    }

    private static int inFlight(LocalCloud cloud, String queue) {
        return Integer.parseInt(cloud.sqs().getQueueAttributes(b -> b.queueUrl(cloud.queueUrl(queue))
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private static void openGate(LocalCloud cloud, String probe) {
        cloud.dynamoDb().putItem(b -> b.tableName(cloud.tableName("ProbesTable"))
                .item(Map.of("pk", AttributeValue.fromS(probe + "#gate"))));
    }

    private static long counter(LocalCloud cloud, String key) {
        Map<String, AttributeValue> item = cloud.dynamoDb().getItem(b -> b.tableName(cloud.tableName("ProbesTable"))
                .key(Map.of("pk", AttributeValue.fromS(key))).consistentRead(true)).item();
        return item == null || !item.containsKey("n") ? 0 : Long.parseLong(item.get("n").n());
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within " + PATIENCE);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
