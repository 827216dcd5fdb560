package com.alphacast.localcloud.function.sqs;

import com.alphacast.localcloud.function.EventSourceRunner;
import com.alphacast.localcloud.function.LocalFunction;
import com.alphacast.localcloud.function.RunnerServices;
import com.alphacast.localcloud.sqs.QueueDefinition;
import com.alphacast.localcloud.sqs.RedriveGhostSweeper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Lambda's SQS pollers, locally: {@link #concurrency()} threads each long-poll the queue (1 s waits so latency stays
 * low), gather up to BatchSize records within MaximumBatchingWindowInSeconds, invoke the handler (each batch in a free
 * execution environment of the function) and delete exactly the records that succeeded. Failed records stay in flight
 * until the queue's visibility timeout expires, then return; the queue's redrive policy (enforced by ElasticMQ) moves
 * them to the dead-letter queue after maxReceiveCount receives. On a FIFO queue SQS itself keeps a message group's
 * records away from other receivers while any of them is in flight, so concurrent batches never reorder a group.
 * A poller of a dead-letter queue also sweeps what it receives out of the queues that redrive into it
 * ({@link RedriveGhostSweeper}: ElasticMQ can leave a moved message behind there, visible but never received).
 */
final class SqsQueuePoller implements EventSourceRunner {

    private static final int LONG_POLL_SECONDS = 1;
    private static final int MAX_RECEIVE = 10;

    private final SqsEventSource source;
    private final LocalFunction function;
    private final RunnerServices services;
    private final QueueDefinition queue;
    private final String queueUrl;
    private final SqsEventFactory events;
    private final Optional<RedriveGhostSweeper> redriveSweeper;
    private final AtomicLong activity = new AtomicLong();
    private final AtomicInteger busy = new AtomicInteger();
    private volatile boolean running;
    private final List<Thread> threads = new ArrayList<>();

    SqsQueuePoller(SqsEventSource source, LocalFunction function, RunnerServices services) {
        this.source = source;
        this.function = function;
        this.services = services;
        this.queue = services.queues().get(source.queueLogicalId());
        this.queueUrl = services.queueUrls().get(source.queueLogicalId());
        this.events = new SqsEventFactory(services.queueArns().get(source.queueLogicalId()), services.region());
        List<String> redrivingQueueUrls = services.queues().values().stream()
                .filter(q -> q.deadLetterQueue().filter(source.queueLogicalId()::equals).isPresent())
                .map(q -> services.queueUrls().get(q.logicalId()))
                .toList();
        this.redriveSweeper = redrivingQueueUrls.isEmpty() ? Optional.empty()
                : Optional.of(new RedriveGhostSweeper(services.sqs(), redrivingQueueUrls));
    }

    @Override
    public String description() {
        return source.functionLogicalId() + "/" + source.eventName() + " (SQS " + queue.queueName() + ")";
    }

    /**
     * Batches processed at once: the mapping's MaximumConcurrency (or one), never above the
     * function's ReservedConcurrentExecutions. (On AWS pollers beyond the reserved concurrency are throttled and their
     * batches come back after the visibility timeout; here they simply are not started.)
     */
    int concurrency() {
        return Math.min(source.concurrency(), function.definition().reservedConcurrency().orElse(Integer.MAX_VALUE));
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (int i = 1; i <= concurrency(); i++) {
            Thread thread = new Thread(this::pollUntilClosed,
                    "sqs-poller-" + source.functionLogicalId() + "-" + source.eventName() + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    @Override
    public boolean isBusy() {
        return busy.get() > 0;
    }

    @Override
    public long activity() {
        return activity.get();
    }

    @Override
    public void close() {
        List<Thread> pollers;
        synchronized (this) {
            running = false;
            pollers = List.copyOf(threads);
            threads.clear();
        }
        try {
            long deadline = System.nanoTime() + (LONG_POLL_SECONDS + 2) * 1_000_000_000L;
            for (Thread poller : pollers) {
                poller.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
            for (Thread poller : pollers) {
                if (poller.isAlive()) {
                    poller.interrupt();
                    poller.join(1000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pollUntilClosed() {
        while (running) {
            try {
                List<Message> batch = collectBatch();
                if (!batch.isEmpty()) {
                    try {
                        deliver(batch);
                    } finally {
                        busy.decrementAndGet();
                        activity.incrementAndGet();
                    }
                }
            } catch (SdkException e) {
                if (running) {
                    function.log("polling " + queue.queueName() + " failed, retrying: " + e.getMessage());
                    pause(250);
                }
            } catch (RuntimeException e) {
                // The poller must survive anything a single batch throws, or the queue would silently stop.
                function.log("poller error on " + queue.queueName() + ": " + e);
                pause(250);
            }
        }
    }

    private List<Message> collectBatch() {
        List<Message> batch = new ArrayList<>(receive(Math.min(MAX_RECEIVE, source.batchSize()), LONG_POLL_SECONDS));
        if (batch.isEmpty()) {
            return batch;
        }
        busy.incrementAndGet();
        activity.incrementAndGet();
        try {
            long windowEnds = System.nanoTime() + source.maximumBatchingWindowSeconds() * 1_000_000_000L;
            while (running && batch.size() < source.batchSize() && System.nanoTime() < windowEnds) {
                long remainingMillis = (windowEnds - System.nanoTime()) / 1_000_000;
                int wait = (int) Math.min(LONG_POLL_SECONDS, Math.max(0, remainingMillis / 1000));
                List<Message> more = receive(Math.min(MAX_RECEIVE, source.batchSize() - batch.size()), wait);
                for (Message message : more) {
                    // A window longer than the visibility timeout can return a record twice: keep the newest receipt.
                    batch.removeIf(held -> held.messageId().equals(message.messageId()));
                    batch.add(message);
                }
                if (more.isEmpty() && wait == 0) {
                    pause(Math.min(remainingMillis, 100));
                }
            }
        } catch (RuntimeException e) {
            // The records gathered so far return after their visibility timeout; this poller holds nothing any more.
            busy.decrementAndGet();
            throw e;
        }
        return batch;
    }

    private List<Message> receive(int max, int waitSeconds) {
        List<Message> messages = services.sqs().receiveMessage(r -> r.queueUrl(queueUrl)
                .maxNumberOfMessages(max)
                .waitTimeSeconds(waitSeconds)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All")).messages();
        if (!messages.isEmpty()) {
            redriveSweeper.ifPresent(sweeper -> sweepRedriveGhosts(sweeper, messages));
        }
        return messages;
    }

    /** Right after the receive, while these receipts are still the newest ElasticMQ handed out for the messages. */
    private void sweepRedriveGhosts(RedriveGhostSweeper sweeper, List<Message> messages) {
        try {
            for (RedriveGhostSweeper.Removed removed : sweeper.sweep(messages)) {
                function.log("message " + removed.messageId() + " was left behind in " + removed.sourceQueueUrl()
                        + " by ElasticMQ when it moved it to " + queue.queueName() + " (counted visible, never"
                        + " received); removed it there");
            }
        } catch (SdkException e) {
            // The batch is held now: deliver it; a ghost left in the source queue keeps that queue from draining.
            function.log("could not sweep the queues redriving into " + queue.queueName() + ": " + e.getMessage());
        }
    }

    private void deliver(List<Message> batch) {
        long now = System.currentTimeMillis();
        List<Message> deliverable = new ArrayList<>();
        List<Message> expired = new ArrayList<>();
        List<Message> oversized = new ArrayList<>();
        for (Message message : batch) {
            String sent = message.attributesAsStrings().get("SentTimestamp");
            if (sent != null && now - Long.parseLong(sent) > queue.retentionSeconds() * 1000L) {
                expired.add(message);
            } else if (size(message) > queue.maximumMessageBytes()) {
                oversized.add(message);
            } else {
                deliverable.add(message);
            }
        }
        for (Message message : expired) {
            function.log("message " + message.messageId() + " on " + queue.queueName() + " is older than the queue's"
                    + " MessageRetentionPeriod (" + queue.retentionSeconds() + " s); SQS would have deleted it");
        }
        for (Message message : oversized) {
            function.log("message " + message.messageId() + " on " + queue.queueName() + " has " + size(message)
                    + " bytes, above the queue's MaximumMessageSize " + queue.maximumMessageBytes()
                    + "; not delivered (it will be retried and redriven like a failed record)");
        }
        Set<String> failed = deliverable.isEmpty() ? Set.of() : invoke(deliverable);
        List<Message> done = new ArrayList<>(expired);
        for (Message message : deliverable) {
            if (!failed.contains(message.messageId())) {
                done.add(message);
            }
        }
        delete(done);
        function.countRecords(deliverable.size() + oversized.size(), failed.size() + oversized.size());
    }

    /** Invokes the handler once for the batch; returns the ids of the records that failed. */
    private Set<String> invoke(List<Message> records) {
        Set<String> all = new LinkedHashSet<>();
        records.forEach(m -> all.add(m.messageId()));
        LocalFunction.Invocation invocation = function.invoke(events.json(records));
        if (invocation.failed()) {
            return all;
        }
        if (!source.reportBatchItemFailures()) {
            return Set.of();
        }
        return BatchItemFailures.failedIds(invocation.response(), all, function::log);
    }

    private void delete(List<Message> messages) {
        for (int from = 0; from < messages.size(); from += MAX_RECEIVE) {
            List<Message> chunk = messages.subList(from, Math.min(messages.size(), from + MAX_RECEIVE));
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .receiptHandle(chunk.get(i).receiptHandle()).build());
            }
            DeleteMessageBatchResponse response = services.sqs().deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
            response.failed().forEach(f -> function.log("could not delete a processed message from "
                    + queue.queueName() + " (" + f.code() + ": " + f.message() + "); it will be delivered again"));
        }
    }

    private static int size(Message message) {
        int bytes = message.body().getBytes(StandardCharsets.UTF_8).length;
        for (var attribute : message.messageAttributes().entrySet()) {
            bytes += attribute.getKey().getBytes(StandardCharsets.UTF_8).length;
            bytes += attribute.getValue().dataType().getBytes(StandardCharsets.UTF_8).length;
            if (attribute.getValue().stringValue() != null) {
                bytes += attribute.getValue().stringValue().getBytes(StandardCharsets.UTF_8).length;
            }
            if (attribute.getValue().binaryValue() != null) {
                bytes += attribute.getValue().binaryValue().asByteArray().length;
            }
        }
        return bytes;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
