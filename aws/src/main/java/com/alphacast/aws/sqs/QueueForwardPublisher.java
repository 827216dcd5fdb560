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

    /** Queue by queue, in the order the forwards come; a queue's failure leaves the later queues' forwards unsent. */
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
        for (Map.Entry<QueuePublisher, List<Forward>> queue : byQueue.entrySet()) {
            QueuePublisher.Batched batched;
            try {
                batched = queue.getKey().sendBatched(messages.get(queue.getKey()));
            } catch (RuntimeException refused) {
                return new Published(sent, Optional.of(refused));
            }
            batched.sent().forEach(index -> sent.add(queue.getValue().get(index)));
            if (batched.failure().isPresent()) {
                return new Published(sent, batched.failure());
            }
        }
        return new Published(sent, Optional.empty());
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
