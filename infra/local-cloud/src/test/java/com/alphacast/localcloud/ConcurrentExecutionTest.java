package com.alphacast.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.localcloud.junit.LocalCloudExtension;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Lambda's SQS concurrency (templates/concurrency-stack.yaml, handler testing/ConcurrencyProbeHandler): batches of one
 * mapping run at the same time, each in an execution environment of its own (its own handler instance), and no more
 * at once than ScalingConfig.MaximumConcurrency or ReservedConcurrentExecutions allow.
 */
class ConcurrentExecutionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(40);

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forTemplate(TestTemplates.path("concurrency-stack.yaml"))
            .loadHandlersFrom(ConcurrentExecutionTest.class.getClassLoader())
            .build();

    @Test
    void runsBatchesOfOneQueueAtTheSameTimeInSeparateEnvironments() {
        LocalCloud cloud = CLOUD.get();
        // Each record waits until all three are in progress: one batch at a time would never get there (and time out).
        send(cloud, "ParallelQueue", 3);
        cloud.awaitIdle(PATIENCE);

        assertThat(cloud.functionStats("ParallelFunction").errors()).isZero();
        assertThat(cloud.functionStats("ParallelFunction").records()).isEqualTo(3);
        assertThat(counter(cloud, "parallel#peak")).isEqualTo(3);
        assertThat(instances(cloud, "parallel")).isEqualTo(3);
        assertThat(cloud.functionStats("ParallelFunction").peakConcurrency()).isEqualTo(3);
        assertThat(cloud.functionStats("ParallelFunction").coldStarts()).isEqualTo(3);
    }

    @Test
    void runsNoMoreBatchesAtOnceThanTheMappingsMaximumConcurrency() {
        LocalCloud cloud = CLOUD.get();
        send(cloud, "ScaledQueue", 4);
        // Two records are held at the gate; the other two stay in the queue, since no third batch may start.
        awaitTrue(() -> counter(cloud, "scaled#arrived") == 2 && visible(cloud, "ScaledQueue") == 2);
        openGate(cloud, "scaled");
        cloud.awaitIdle(PATIENCE);

        assertThat(counter(cloud, "scaled#arrived")).isEqualTo(4);
        assertThat(counter(cloud, "scaled#peak")).isEqualTo(2);
        assertThat(cloud.functionStats("ScaledFunction").peakConcurrency()).isEqualTo(2);
        assertThat(instances(cloud, "scaled")).isEqualTo(2);
        assertThat(cloud.functionStats("ScaledFunction").coldStarts()).isEqualTo(2);
    }

    @Test
    void runsOneBatchAtATimeWithOneReservedExecutionAndReusesItsWarmEnvironment() {
        LocalCloud cloud = CLOUD.get();
        send(cloud, "ReservedQueue", 3);
        awaitTrue(() -> counter(cloud, "reserved#arrived") == 1 && visible(cloud, "ReservedQueue") == 2);
        openGate(cloud, "reserved");
        cloud.awaitIdle(PATIENCE);

        assertThat(counter(cloud, "reserved#arrived")).isEqualTo(3);
        assertThat(counter(cloud, "reserved#peak")).isEqualTo(1);
        assertThat(instances(cloud, "reserved")).isEqualTo(1);
        assertThat(cloud.functionStats("ReservedFunction").coldStarts()).isEqualTo(1);
        assertThat(cloud.functionStats("ReservedFunction").invocations()).isEqualTo(3);
    }

    private static void send(LocalCloud cloud, String queue, int records) {
        cloud.sqs().sendMessageBatch(b -> b.queueUrl(cloud.queueUrl(queue)).entries(IntStream.range(0, records)
                .mapToObj(i -> SendMessageBatchRequestEntry.builder().id("r" + i).messageBody("record " + i).build())
                .toList()));
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

    private static long instances(LocalCloud cloud, String probe) {
        return cloud.dynamoDb().scan(b -> b.tableName(cloud.tableName("ProbesTable")).consistentRead(true)).items()
                .stream().filter(item -> item.get("pk").s().startsWith(probe + "#instance#")).count();
    }

    private static int visible(LocalCloud cloud, String queue) {
        return Integer.parseInt(cloud.sqs().getQueueAttributes(b -> b.queueUrl(cloud.queueUrl(queue))
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
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
