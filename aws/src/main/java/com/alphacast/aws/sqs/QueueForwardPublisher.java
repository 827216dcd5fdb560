package com.alphacast.aws.sqs;

import com.alphacast.aws.concurrent.FirstFailure;
import com.alphacast.core.usecase.approval.Forward;
import com.alphacast.core.usecase.approval.ForwardPublisher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * An approval's forwards on SQS: the order request to the orders queue, each tier's release to the
 * deliveries queue with the tier's delay. The signal id (and tier) travel as message attributes so a
 * message can be traced back without parsing its body. {@link #refusals} checks exactly the message
 * {@link #publish} would send against SQS's limits. {@link #publishAll} sends an approval's forwards with one
 * SendMessageBatch per queue (an approval's tiers' releases, each with its own delay, and its order): two requests
 * where one per forward were made before. Given an executor, the first queue's batch (the tiers', premium first) is
 * sent on the calling thread while the other queues' go out beside it, so the order's send no longer adds a round
 * trip after the premium release.
 */
public final class QueueForwardPublisher implements ForwardPublisher {

    private final QueuePublisher orders;
    private final QueuePublisher deliveries;
    /** Where the batches after the first are sent; empty: every batch on the calling thread, in turn. */
    private final Optional<Executor> sends;

    /** A publisher that sends each queue's batch on the calling thread, one after another. */
    public QueueForwardPublisher(QueuePublisher orders, QueuePublisher deliveries) {
        this(orders, deliveries, Optional.empty());
    }

    /** A publisher that sends the first queue's batch on the calling thread and the others on {@code sends}. */
    public QueueForwardPublisher(QueuePublisher orders, QueuePublisher deliveries, Executor sends) {
        this(orders, deliveries, Optional.of(sends));
    }

    private QueueForwardPublisher(QueuePublisher orders, QueuePublisher deliveries, Optional<Executor> sends) {
        this.orders = orders;
        this.deliveries = deliveries;
        this.sends = sends;
    }

    @Override
    public List<String> refusals(Forward forward) {
        Outgoing outgoing = outgoing(forward);
        return outgoing.queue().refusals(outgoing.message(), outgoing.delaySeconds(), outgoing.attributes());
    }

    @Override
    public void publish(Forward forward) {
        Outgoing outgoing = outgoing(forward);
        outgoing.queue().publish(outgoing.message(), outgoing.delaySeconds(), outgoing.attributes());
    }

    /**
     * One batch per queue, the queues in the order their first forward comes. A queue that fails keeps back only its
     * own forwards: every queue is tried (the order still goes out when a tier's release cannot), and the first failure
     * in queue order is returned with any other attached to it as suppressed. With an executor the batches after the
     * first are sent beside it; every send has ended before this returns or throws (an {@code Error} from any is
     * thrown as raised), so none runs on into a frozen Lambda environment.
     */
    @Override
    public Published publishAll(List<Forward> forwards) {
        Map<QueuePublisher, QueueBatch> byQueue = new LinkedHashMap<>();
        for (Forward forward : forwards) {
            Outgoing outgoing = outgoing(forward);
            byQueue.computeIfAbsent(outgoing.queue(), QueueBatch::new).add(forward, outgoing);
        }
        List<QueueBatch> batches = new ArrayList<>(byQueue.values());
        QueueSend[] results = new QueueSend[batches.size()];
        Map<Integer, CompletableFuture<QueueSend>> beside = new LinkedHashMap<>();
        List<Integer> here = new ArrayList<>();
        Error error = null;
        for (int i = 0; i < batches.size() && error == null; i++) {
            QueueBatch batch = batches.get(i);
            if (i == 0 || sends.isEmpty()) {
                here.add(i);
                continue;
            }
            try {
                beside.put(i, CompletableFuture.supplyAsync(batch::send, sends.get()));
            } catch (RejectedExecutionException refused) {
                here.add(i); // sent here, after the first queue's batch, which keeps its place
            } catch (Error e) {
                error = e;
            }
        }
        try {
            for (int i = 0; i < here.size() && error == null; i++) {
                results[here.get(i)] = batches.get(here.get(i)).send();
            }
        } catch (Error e) {
            error = e;
        }
        CompletableFuture.allOf(beside.values().toArray(CompletableFuture[]::new)).exceptionally(ignored -> null).join();
        for (Map.Entry<Integer, CompletableFuture<QueueSend>> send : beside.entrySet()) {
            // QueueBatch.send returns a queue's failure: only an Error gets out of it.
            Throwable raised = FirstFailure.of(send.getValue());
            if (raised == null) {
                results[send.getKey()] = send.getValue().join();
            } else {
                error = FirstFailure.keep(error, raised instanceof Error e ? e : new AssertionError(raised));
            }
        }
        if (error != null) {
            throw error;
        }
        List<Forward> sent = new ArrayList<>();
        RuntimeException failure = null;
        for (QueueSend result : results) {
            sent.addAll(result.sent());
            failure = FirstFailure.keep(failure, result.failure());
        }
        return new Published(sent, Optional.ofNullable(failure));
    }

    /** One queue's batch: the forwards SQS took, and the failure that kept the others back, if any. */
    private record QueueSend(List<Forward> sent, RuntimeException failure) {
    }

    /** The forwards going to one queue, with their messages built once. */
    private static final class QueueBatch {

        private final QueuePublisher queue;
        private final List<Forward> forwards = new ArrayList<>();
        private final List<QueuePublisher.Delayed> messages = new ArrayList<>();

        QueueBatch(QueuePublisher queue) {
            this.queue = queue;
        }

        void add(Forward forward, Outgoing outgoing) {
            forwards.add(forward);
            messages.add(new QueuePublisher.Delayed(outgoing.message(), outgoing.delaySeconds(), outgoing.attributes()));
        }

        QueueSend send() {
            List<Forward> sent = new ArrayList<>();
            try {
                QueuePublisher.Batched batched = queue.sendBatched(messages);
                batched.sent().forEach(index -> sent.add(forwards.get(index)));
                return new QueueSend(sent, batched.failure().orElse(null));
            } catch (RuntimeException refused) {
                return new QueueSend(sent, refused);
            }
        }
    }

    private Outgoing outgoing(Forward forward) {
        if (forward instanceof Forward.ToOrders toOrders) {
            return new Outgoing(orders, toOrders.signal(), 0, Map.of("signalId", toOrders.signal().id()));
        }
        if (forward instanceof Forward.ToTier toTier) {
            return new Outgoing(deliveries, toTier.dispatch().release(), toTier.delaySeconds(),
                    Map.of("signalId", toTier.signal().id(), "tier", toTier.dispatch().tier().key()));
        }
        throw new IllegalArgumentException("no queue for forward " + forward.key() + " of " + forward.signal().id());
    }

    /** One SendMessage as it will be made. */
    private record Outgoing(QueuePublisher queue, Object message, int delaySeconds, Map<String, String> attributes) {
    }
}
