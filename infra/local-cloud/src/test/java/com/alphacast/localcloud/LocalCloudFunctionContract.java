package com.alphacast.localcloud;

import static com.alphacast.localcloud.testing.CloudProbes.deliveries;
import static com.alphacast.localcloud.testing.CloudProbes.md5;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Lambda's SQS semantics as the project's functions see them, checked against the embedded local cloud and (when
 * Docker is present) LocalStack: the event's shape, the environment, partial batch failures retried alone and
 * dead-lettered after maxReceiveCount, malformed messages that never block a queue, whole-batch failure on an
 * exception, FIFO order and disabled event sources.
 */
abstract class LocalCloudFunctionContract {

    private static final Duration IDLE = Duration.ofSeconds(30);

    /** The test template's stack with its functions running. */
    protected abstract LocalCloud runner();

    // ------------------------------------------------------------------ functions

    @Test
    void deliversAnSqsEventShapedLikeLambdasToTheHandler() throws Exception {
        LocalCloud cloud = runner();
        String body = "{\"id\":\"shape\"}";
        cloud.sqs().sendMessage(b -> b.queueUrl(cloud.queueUrl("WorkQueue")).messageBody(body)
                .messageAttributes(Map.of("tier", MessageAttributeValue.builder().dataType("String").stringValue("premium").build())));
        cloud.awaitIdle(IDLE);

        List<Map<String, AttributeValue>> deliveries = deliveries(cloud, "shape");
        assertThat(deliveries).hasSize(1);
        Map<String, AttributeValue> delivery = deliveries.get(0);
        assertThat(delivery.get("eventSource").s()).isEqualTo("aws:sqs");
        assertThat(delivery.get("eventSourceARN").s()).isEqualTo(cloud.queueArn("WorkQueue"));
        assertThat(delivery.get("awsRegion").s()).isEqualTo(cloud.region());
        assertThat(delivery.get("md5OfBody").s()).isEqualTo(md5(body));
        assertThat(delivery.get("tier").s()).isEqualTo("premium");
        assertThat(delivery.get("attributes").s()).contains("ApproximateReceiveCount=1", "SentTimestamp=", "SenderId=",
                "ApproximateFirstReceiveTimestamp=");
        assertThat(delivery.get("functionName").s()).isEqualTo(cloud.stackName() + "-WorkFunction");
        assertThat(Integer.parseInt(delivery.get("remainingMillis").n())).isBetween(1, 10_000);
    }

    @Test
    void retriesOnlyTheFailedRecordOfABatchUntilItLandsInTheDeadLetterQueue() {
        LocalCloud cloud = runner();
        int deadLettersBefore = cloud.deadLetterCount("WorkQueue");
        List<SendMessageBatchRequestEntry> batch = IntStream.range(0, 5)
                .mapToObj(i -> SendMessageBatchRequestEntry.builder().id("m" + i)
                        .messageBody(i == 2 ? "{\"id\":\"batch-bad\",\"fail\":true}" : "{\"id\":\"batch-ok-" + i + "\"}")
                        .build())
                .toList();
        cloud.sqs().sendMessageBatch(b -> b.queueUrl(cloud.queueUrl("WorkQueue")).entries(batch));
        cloud.awaitIdle(IDLE);

        for (int i : new int[] {0, 1, 3, 4}) {
            assertThat(deliveries(cloud, "batch-ok-" + i)).as("record %d delivered once", i).hasSize(1);
        }
        List<Map<String, AttributeValue>> bad = deliveries(cloud, "batch-bad");
        assertThat(bad).extracting(d -> d.get("sk").n()).containsExactly("1", "2", "3");
        assertThat(bad.get(0).get("batchSize").n()).isEqualTo("5");
        assertThat(bad.get(1).get("batchSize").n()).isEqualTo("1");
        assertThat(cloud.deadLetterCount("WorkQueue")).isEqualTo(deadLettersBefore + 1);
    }

    @Test
    void aMalformedMessageNeverBlocksTheQueue() {
        LocalCloud cloud = runner();
        int deadLettersBefore = cloud.deadLetterCount("WorkQueue");
        cloud.sqs().sendMessage(b -> b.queueUrl(cloud.queueUrl("WorkQueue")).messageBody("{not json"));
        for (int i = 0; i < 3; i++) {
            String body = "{\"id\":\"after-malformed-" + i + "\"}";
            cloud.sqs().sendMessage(b -> b.queueUrl(cloud.queueUrl("WorkQueue")).messageBody(body));
        }
        cloud.awaitIdle(IDLE);

        for (int i = 0; i < 3; i++) {
            assertThat(deliveries(cloud, "after-malformed-" + i)).hasSize(1);
        }
        assertThat(cloud.deadLetterCount("WorkQueue")).isEqualTo(deadLettersBefore + 1);
        List<Message> deadLetters = cloud.sqs().receiveMessage(b -> b.queueUrl(cloud.queueUrl("WorkDeadLetterQueue"))
                .maxNumberOfMessages(10).visibilityTimeout(0)).messages();
        assertThat(deadLetters).extracting(Message::body).contains("{not json");
    }

    @Test
    void aHandlerExceptionFailsTheWholeBatch() {
        LocalCloud cloud = runner();
        int deadLettersBefore = cloud.deadLetterCount("WorkQueue");
        long errorsBefore = cloud.functionStats("WorkFunction").errors();
        cloud.sqs().sendMessageBatch(b -> b.queueUrl(cloud.queueUrl("WorkQueue")).entries(
                SendMessageBatchRequestEntry.builder().id("a").messageBody("{\"id\":\"throws\",\"throwOnFirstDelivery\":true}").build(),
                SendMessageBatchRequestEntry.builder().id("b").messageBody("{\"id\":\"bystander\"}").build()));
        cloud.awaitIdle(IDLE);

        assertThat(deliveries(cloud, "throws")).extracting(d -> d.get("sk").n()).containsExactly("1", "2");
        assertThat(deliveries(cloud, "bystander")).extracting(d -> d.get("sk").n()).containsExactly("1", "2");
        assertThat(cloud.deadLetterCount("WorkQueue")).isEqualTo(deadLettersBefore);
        assertThat(cloud.functionStats("WorkFunction").errors()).isEqualTo(errorsBefore + 1);
        assertThat(cloud.functionStats("WorkFunction").lastError()).hasValueSatisfying(
                e -> assertThat(e).contains("asked to fail the whole batch"));
    }

    @Test
    void processesAFifoGroupInOrder() {
        LocalCloud cloud = runner();
        for (int i = 0; i < 6; i++) {
            String body = "{\"id\":\"fifo-" + i + "\"}";
            cloud.sqs().sendMessage(b -> b.queueUrl(cloud.queueUrl("OrderedQueue")).messageBody(body).messageGroupId("g"));
        }
        cloud.awaitIdle(IDLE);
        List<Long> sequence = IntStream.range(0, 6)
                .mapToObj(i -> deliveries(cloud, "fifo-" + i))
                .map(d -> {
                    assertThat(d).hasSize(1);
                    return Long.parseLong(d.get(0).get("seq").n());
                })
                .toList();
        assertThat(sequence).isSorted();
        assertThat(cloud.functionStats("OrderedFunction").records()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void doesNotPollADisabledEventSourceAndSaysSoWhenNotIdle() {
        LocalCloud cloud = runner();
        String url = cloud.queueUrl("DelayedQueue");
        cloud.sqs().sendMessage(b -> b.queueUrl(url).messageBody("{\"id\":\"dormant\"}"));
        assertThatThrownBy(() -> cloud.awaitIdle(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DelayedQueue")
                .hasMessageContaining("no running function consumes it");
        assertThat(cloud.functionStats("DormantFunction").invocations()).isZero();
        assertThat(deliveries(cloud, "dormant")).isEmpty();
        cloud.sqs().purgeQueue(b -> b.queueUrl(url));
    }

    @Test
    void givesHandlersTheTemplateEnvironmentWithLocalEndpoints() {
        LocalCloud cloud = runner();
        Map<String, String> environment = cloud.functionEnvironment("WorkFunction");
        assertThat(environment)
                .containsEntry("DELIVERIES_TABLE", cloud.tableName("DeliveriesTable"))
                .containsEntry("WORK_QUEUE_URL", cloud.queueUrl("WorkQueue"))
                .containsEntry("STAGE", "test")
                .containsEntry("AWS_REGION", cloud.region())
                .containsEntry("AWS_DEFAULT_REGION", cloud.region())
                .containsEntry("AWS_LAMBDA_FUNCTION_NAME", cloud.stackName() + "-WorkFunction")
                .containsEntry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512")
                // The runner stack declares no SnapStart: Lambda would initialize it on its first event.
                .containsEntry("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand")
                .containsEntry("AWS_ENDPOINT_URL_DYNAMODB", cloud.dynamoDbEndpoint().toString())
                .containsEntry("AWS_ENDPOINT_URL_SQS", cloud.sqsEndpoint().toString())
                .containsKeys("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
    }
}
