package com.alphacast.aws.sqs;

import com.alphacast.core.usecase.approval.Forward;
import com.alphacast.core.usecase.approval.ForwardPublisher;
import java.util.List;
import java.util.Map;

/**
 * An approval's forwards on SQS: the order request to the orders queue, each tier's release to the
 * deliveries queue with the tier's delay. The signal id (and tier) travel as message attributes so a
 * message can be traced back without parsing its body. {@link #refusals} checks exactly the message
 * {@link #publish} would send against SQS's limits.
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
