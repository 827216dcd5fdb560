package com.alphacast.localcloud.testing;

import com.alphacast.localcloud.LocalCloud;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** What the contract tests read back from a stack: queue attributes, received messages, recorded deliveries. */
public final class CloudProbes {

    private CloudProbes() {
    }


    public static Map<String, String> attributes(LocalCloud cloud, String queue) {
        return cloud.sqs().getQueueAttributes(b -> b.queueUrl(cloud.queueUrl(queue))
                .attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
    }

    public static List<Message> receiveWithin(LocalCloud cloud, String url, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            List<Message> messages = cloud.sqs().receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            if (!messages.isEmpty()) {
                return messages;
            }
        }
        return List.of();
    }

    public static void delete(LocalCloud cloud, String url, List<Message> messages) {
        messages.forEach(m -> cloud.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
    }

    /** Every recorded delivery of the record with this id, in receive order. */
    public static List<Map<String, AttributeValue>> deliveries(LocalCloud cloud, String id) {
        return cloud.dynamoDb().query(b -> b.tableName(cloud.tableName("DeliveriesTable"))
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(id)))
                .consistentRead(true)).items();
    }

    public static String md5(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        return String.format("%032x", new BigInteger(1, digest));
    }
}
