package com.alphacast.localcloud.sqs;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Removes from the queues that redrive into a dead-letter queue the "ghost" ElasticMQ (1.7.1) can leave behind when it
 * moves a message there. Local cloud only: SQS itself moves messages correctly.
 *
 * <p>Why: when a receive on the source queue finds a message at maxReceiveCount, ElasticMQ sends a shallow copy of it
 * to the dead-letter queue's actor ({@code MoveMessageOps}: {@code message.copy(..)}, which shares the mutable
 * {@code deliveryReceipts} buffer) and then deletes the original with each of its receipts, a delete that only succeeds
 * for the buffer's last receipt ({@code ReceiveMessageOps}, {@code DeleteMessageOps}). If the copy is received from the
 * dead-letter queue in between (both actors run on their own threads), its new receipt is appended to the shared
 * buffer, every delete of the original fails, and the original stays in the source queue's message map while it is no
 * longer in its delivery queue: ApproximateNumberOfMessages counts it as visible forever and no receive returns it
 * (a consumer sees a queue that never drains). The copy's receipt is then the original's last receipt too, so deleting
 * it from the source queue with the receipt the dead-letter queue handed out removes exactly that ghost; where there is
 * no ghost (the common case) ElasticMQ answers ReceiptHandleIsInvalid and nothing changes.
 */
public final class RedriveGhostSweeper {

    private static final int MAX_BATCH = 10;

    private final SqsClient sqs;
    private final List<String> sourceQueueUrls;

    /**
     * @param sourceQueueUrls the queues whose RedrivePolicy names the dead-letter queue the swept messages come from
     */
    public RedriveGhostSweeper(SqsClient sqs, List<String> sourceQueueUrls) {
        this.sqs = sqs;
        this.sourceQueueUrls = List.copyOf(sourceQueueUrls);
    }

    /**
     * To be called with every batch received from the dead-letter queue, before anything else is done with it (so the
     * receipts are still the newest ones of the shared buffer).
     *
     * @return the ghosts removed, per source queue URL (empty when there were none)
     */
    public List<Removed> sweep(List<Message> receivedFromDeadLetterQueue) {
        List<Removed> removed = new ArrayList<>();
        for (String sourceQueueUrl : sourceQueueUrls) {
            for (int from = 0; from < receivedFromDeadLetterQueue.size(); from += MAX_BATCH) {
                List<Message> chunk = receivedFromDeadLetterQueue.subList(from,
                        Math.min(receivedFromDeadLetterQueue.size(), from + MAX_BATCH));
                List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
                for (int i = 0; i < chunk.size(); i++) {
                    entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                            .receiptHandle(chunk.get(i).receiptHandle()).build());
                }
                sqs.deleteMessageBatch(r -> r.queueUrl(sourceQueueUrl).entries(entries)).successful()
                        .forEach(ok -> removed.add(new Removed(sourceQueueUrl,
                                chunk.get(Integer.parseInt(ok.id())).messageId())));
            }
        }
        return removed;
    }

    /** A ghost of {@code messageId} taken out of the source queue at {@code sourceQueueUrl}. */
    public record Removed(String sourceQueueUrl, String messageId) {
    }
}
