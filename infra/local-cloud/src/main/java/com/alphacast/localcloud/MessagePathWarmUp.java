package com.alphacast.localcloud;

import java.util.List;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Runs the requests the pipeline makes of SQS (batches sent, received with every attribute as the pollers receive
 * them, deleted) on a scratch queue of its own, so ElasticMQ and the SDK's request path are compiled before the first
 * event. No queue of the template is touched; the scratch queue is deleted afterwards.
 */
final class MessagePathWarmUp {

    private static final int BATCH = 10;
    /** A body the size of a signal or a tier release, so the same code paths (and buffer sizes) are used. */
    private static final String BODY = "{\"warmUp\":\"" + "x".repeat(600) + "\"}";

    private final SqsClient sqs;
    private final String queueName;

    MessagePathWarmUp(SqsClient sqs, String queueName) {
        this.sqs = sqs;
        this.queueName = queueName;
    }

    void run(int rounds) {
        String url = sqs.createQueue(b -> b.queueName(queueName)).queueUrl();
        try {
            List<SendMessageBatchRequestEntry> entries = IntStream.range(0, BATCH)
                    .mapToObj(i -> SendMessageBatchRequestEntry.builder().id("m" + i).messageBody(BODY).build())
                    .toList();
            for (int round = 0; round < rounds; round++) {
                sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries));
                int left = BATCH;
                // ElasticMQ may hand a batch back in parts; a few receives always find every visible message.
                for (int attempt = 0; attempt < BATCH && left > 0; attempt++) {
                    List<Message> received = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(BATCH)
                            .waitTimeSeconds(0).messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                            .messageAttributeNames("All")).messages();
                    if (!received.isEmpty()) {
                        sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(received.stream()
                                .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId())
                                        .receiptHandle(m.receiptHandle()).build())
                                .toList()));
                    }
                    left -= received.size();
                }
            }
        } finally {
            sqs.deleteQueue(b -> b.queueUrl(url));
        }
    }
}
