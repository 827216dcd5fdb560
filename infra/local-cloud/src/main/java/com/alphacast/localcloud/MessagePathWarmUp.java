package com.alphacast.localcloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Runs the requests the pipeline makes of SQS on scratch queues of its own, so ElasticMQ and the SDK's request path are
 * compiled before the first event: batches sent, received with every attribute as the pollers receive them, and
 * deleted, on a standard queue and on a FIFO queue (one message group, deduplication ids, as the signals queue takes
 * them); some of the standard queue's entries carry a delay, as the tiers' releases do, and stay held until the queue
 * goes: ElasticMQ takes a FIFO group and a delayed message partly through code of their own, which plain batches leave
 * cold. No queue of the template is touched; the scratch queues are deleted afterwards.
 */
final class MessagePathWarmUp {

    private static final int BATCH = 10;
    /** Entries of each standard batch sent with a delay (the tiers' later releases). */
    private static final int DELAYED = 2;
    private static final int DELAY_SECONDS = 300;
    /** A body the size of a signal or a tier release, so the same code paths (and buffer sizes) are used. */
    private static final String BODY = "{\"warmUp\":\"" + "x".repeat(600) + "\"}";

    private final SqsClient sqs;
    private final String queueName;

    /** {@code queueName}: the standard scratch queue's name; the FIFO one adds {@code .fifo}. */
    MessagePathWarmUp(SqsClient sqs, String queueName) {
        this.sqs = sqs;
        this.queueName = queueName;
    }

    /** Each scratch queue is deleted whatever happens; a failed deletion rides on the warm-up's own failure. */
    void run(int rounds) {
        try (ScratchQueue standard = create(queueName, Map.of());
             ScratchQueue fifo = create(queueName + ".fifo", Map.of(QueueAttributeName.FIFO_QUEUE, "true"))) {
            for (int round = 0; round < rounds; round++) {
                sendReceiveDelete(standard.url(), standardBatch());
                sendReceiveDelete(fifo.url(), fifoBatch(round));
            }
        }
    }

    private ScratchQueue create(String name, Map<QueueAttributeName, String> attributes) {
        return new ScratchQueue(sqs, sqs.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl());
    }

    /** A queue of the warm-up's own, deleted on close. */
    private record ScratchQueue(SqsClient sqs, String url) implements AutoCloseable {

        @Override
        public void close() {
            sqs.deleteQueue(b -> b.queueUrl(url));
        }
    }

    private static List<SendMessageBatchRequestEntry> standardBatch() {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            SendMessageBatchRequestEntry.Builder entry = SendMessageBatchRequestEntry.builder().id("m" + i)
                    .messageBody(BODY);
            if (i >= BATCH - DELAYED) {
                entry.delaySeconds(DELAY_SECONDS);
            }
            entries.add(entry.build());
        }
        return entries;
    }

    private static List<SendMessageBatchRequestEntry> fifoBatch(int round) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id("m" + i).messageBody(BODY)
                    .messageGroupId("warm-up").messageDeduplicationId(round + "-" + i).build());
        }
        return entries;
    }

    /** Sends the batch, then receives and deletes every entry sent without a delay. */
    private void sendReceiveDelete(String url, List<SendMessageBatchRequestEntry> entries) {
        sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries));
        int left = (int) entries.stream().filter(entry -> entry.delaySeconds() == null).count();
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
}
