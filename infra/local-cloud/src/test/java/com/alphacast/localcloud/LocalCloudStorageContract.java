package com.alphacast.localcloud;

import static com.alphacast.localcloud.testing.CloudProbes.attributes;
import static com.alphacast.localcloud.testing.CloudProbes.receiveWithin;
import static com.alphacast.localcloud.testing.CloudProbes.delete;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * What the project's functions rely on from the cloud's storage, checked against the embedded local cloud and (when
 * Docker is present) LocalStack with the same test template: tables and queues exist exactly as declared and SQS
 * honours delay, visibility timeout, FIFO order, deduplication and redrive. The stack runs without functions, so
 * only the test touches its queues.
 */
abstract class LocalCloudStorageContract {

    /** The test template's stack, created without functions. */
    protected abstract LocalCloud storage();

    // ------------------------------------------------------------------ resources as declared

    @Test
    void createsTablesWithKeysIndexesTtlAndStreamsAsDeclared() {
        LocalCloud cloud = storage();
        TableDescription deliveries = cloud.dynamoDb().describeTable(b -> b.tableName(cloud.tableName("DeliveriesTable"))).table();
        assertThat(deliveries.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyType())
                .containsExactly("pk:HASH", "sk:RANGE");
        assertThat(deliveries.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        GlobalSecondaryIndexDescription byBody = deliveries.globalSecondaryIndexes().get(0);
        assertThat(byBody.indexName()).isEqualTo("by-body");
        assertThat(byBody.keySchema()).singleElement().satisfies(k -> {
            assertThat(k.attributeName()).isEqualTo("body");
            assertThat(k.keyType()).isEqualTo(KeyType.HASH);
        });
        assertThat(byBody.projection().projectionType()).isEqualTo(ProjectionType.INCLUDE);
        assertThat(byBody.projection().nonKeyAttributes()).containsExactly("eventSource");
        assertThat(cloud.dynamoDb().describeTimeToLive(b -> b.tableName(cloud.tableName("DeliveriesTable")))
                .timeToLiveDescription()).satisfies(ttl -> {
                    assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
                    assertThat(ttl.attributeName()).isEqualTo("expiresAt");
                });

        TableDescription orders = cloud.dynamoDb().describeTable(b -> b.tableName(cloud.tableName("OrdersTable"))).table();
        assertThat(orders.tableName()).isEqualTo(cloud.stackName() + "-orders");
        assertThat(orders.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
        assertThat(orders.provisionedThroughput().writeCapacityUnits()).isEqualTo(3L);
        assertThat(orders.localSecondaryIndexes()).singleElement().satisfies(lsi -> {
            assertThat(lsi.indexName()).isEqualTo("by-time");
            assertThat(lsi.keySchema()).extracting(k -> k.attributeName()).containsExactly("account", "placedAt");
        });
        assertThat(orders.streamSpecification().streamEnabled()).isTrue();
        assertThat(orders.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
    }

    @Test
    void createsQueuesWithFifoDelayVisibilityAndRedriveAsDeclared() {
        LocalCloud cloud = storage();
        Map<String, String> work = attributes(cloud, "WorkQueue");
        assertThat(work).containsEntry("VisibilityTimeout", "2");
        assertThat(work.get("RedrivePolicy")).contains(cloud.queueArn("WorkDeadLetterQueue")).contains("3");
        Map<String, String> ordered = attributes(cloud, "OrderedQueue");
        assertThat(ordered).containsEntry("FifoQueue", "true").containsEntry("ContentBasedDeduplication", "true");
        assertThat(ordered.get("RedrivePolicy")).contains(cloud.queueArn("OrderedDeadLetterQueue"));
        assertThat(cloud.queueName("OrderedQueue")).endsWith(".fifo");
        assertThat(attributes(cloud, "DelayedQueue")).containsEntry("DelaySeconds", "2")
                .containsEntry("ReceiveMessageWaitTimeSeconds", "1");
        assertThat(cloud.queueName("DelayedQueue")).isEqualTo(cloud.stackName() + "-delayed");
    }

    @Test
    void holdsMessagesBackForTheQueuesDelaySeconds() throws Exception {
        LocalCloud cloud = storage();
        String url = cloud.queueUrl("DelayedQueue");
        cloud.sqs().sendMessage(b -> b.queueUrl(url).messageBody("later"));
        assertThat(cloud.queueDepth("DelayedQueue").delayed()).isEqualTo(1);
        assertThat(cloud.sqs().receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(0)).messages()).isEmpty();
        List<Message> received = receiveWithin(cloud, url, Duration.ofSeconds(5));
        assertThat(received).extracting(Message::body).containsExactly("later");
        delete(cloud, url, received);
    }

    @Test
    void returnsAnUnacknowledgedMessageAfterTheVisibilityTimeout() throws Exception {
        LocalCloud cloud = storage();
        String url = cloud.queueUrl("WorkQueue");
        cloud.sqs().sendMessage(b -> b.queueUrl(url).messageBody("{\"id\":\"visibility\"}"));
        List<Message> first = receiveWithin(cloud, url, Duration.ofSeconds(2));
        assertThat(first).hasSize(1);
        assertThat(cloud.sqs().receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(0)).messages()).isEmpty();
        List<Message> again = receiveWithin(cloud, url, Duration.ofSeconds(4));
        assertThat(again).singleElement().satisfies(m -> {
            assertThat(m.messageId()).isEqualTo(first.get(0).messageId());
            assertThat(m.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2");
        });
        delete(cloud, url, again);
    }

    @Test
    void redrivesToTheDeadLetterQueueAfterMaxReceiveCount() throws Exception {
        LocalCloud cloud = storage();
        String url = cloud.queueUrl("OrderedQueue");
        int before = cloud.messageCount("OrderedDeadLetterQueue");
        cloud.sqs().sendMessage(b -> b.queueUrl(url).messageBody("poison").messageGroupId("redrive"));
        // maxReceiveCount is 2: two receives without delete, then the message moves on instead of a third delivery.
        assertThat(receiveWithin(cloud, url, Duration.ofSeconds(3))).extracting(Message::body).containsExactly("poison");
        assertThat(receiveWithin(cloud, url, Duration.ofSeconds(4))).extracting(Message::body).containsExactly("poison");
        long deadline = System.nanoTime() + Duration.ofSeconds(6).toNanos();
        while (cloud.messageCount("OrderedDeadLetterQueue") == before && System.nanoTime() < deadline) {
            assertThat(cloud.sqs().receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).messages()).isEmpty();
        }
        assertThat(cloud.messageCount("OrderedDeadLetterQueue")).isEqualTo(before + 1);
        assertThat(cloud.deadLetterCount("OrderedQueue")).isEqualTo(before + 1);
        assertThat(cloud.messageCount("OrderedQueue")).isZero();
    }

    @Test
    void keepsFifoOrderWithinAGroupAndDropsContentDuplicates() {
        LocalCloud cloud = storage();
        String url = cloud.queueUrl("OrderedQueue");
        for (String body : List.of("first", "second", "third", "first")) {
            cloud.sqs().sendMessage(b -> b.queueUrl(url).messageBody(body).messageGroupId("orders"));
        }
        List<Message> received = cloud.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages();
        assertThat(received).extracting(Message::body).containsExactly("first", "second", "third");
        delete(cloud, url, received);
    }
}
