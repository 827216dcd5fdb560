package com.alphacast.aws.sqs;

import com.alphacast.core.usecase.approval.Forward;
import com.alphacast.core.usecase.approval.ForwardPublisher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An approval's forwards on SQS: the order request to the orders queue, each tier's release to the
 * deliveries queue with the tier's delay. The signal id (and tier) travel as message attributes so a
 * message can be traced back without parsing its body. {@link #refusals} checks exactly the message
 * {@link #publish} would send against SQS's limits. {@link #publishAll} sends an approval's forwards with one
 * SendMessageBatch per queue, in the order the forwards come (an approval's tiers' releases, each with its own delay,
 * then its order): two requests where one per forward were made before.
 */
public final class QueueForwardPublisher implements ForwardPublisher {

    private final QueuePublisher orders;
    private final QueuePublisher deliveries;

    public QueueForwardPublisher(QueuePublisher orders, QueuePublisher deliveries) {
        this.orders = orders;
        this.deliveries = deliveries;
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
     * Queue by queue, in the order the forwards come. A queue that fails keeps back only its own forwards: every queue is
     * tried (the order still goes out when a tier's release cannot), and the first failure is returned with any later
     * one attached to it as suppressed.
     */
    @Override
    public Published publishAll(List<Forward> forwards) {
        Map<QueuePublisher, List<Forward>> byQueue = new LinkedHashMap<>();
        Map<QueuePublisher, List<QueuePublisher.Delayed>> messages = new LinkedHashMap<>();
        for (Forward forward : forwards) {
            Outgoing outgoing = outgoing(forward);
            byQueue.computeIfAbsent(outgoing.queue(), q -> new ArrayList<>()).add(forward);
            messages.computeIfAbsent(outgoing.queue(), q -> new ArrayList<>()).add(
                    new QueuePublisher.Delayed(outgoing.message(), outgoing.delaySeconds(), outgoing.attributes()));
        }
        List<Forward> sent = new ArrayList<>();
        RuntimeException failure = null;
        for (Map.Entry<QueuePublisher, List<Forward>> queue : byQueue.entrySet()) {
            try {
                QueuePublisher.Batched batched = queue.getKey().sendBatched(messages.get(queue.getKey()));
                batched.sent().forEach(index -> sent.add(queue.getValue().get(index)));
                failure = firstOf(failure, batched.failure().orElse(null));
            } catch (RuntimeException refused) {
                failure = firstOf(failure, refused);
            }
        }
        return new Published(sent, Optional.ofNullable(failure));
    }

    private static RuntimeException firstOf(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        if (next != null && next != first) {
            first.addSuppressed(next);
        }
        return first;
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
