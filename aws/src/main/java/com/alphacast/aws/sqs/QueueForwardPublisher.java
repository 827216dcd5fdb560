package com.alphacast.aws.sqs;

import com.alphacast.core.usecase.approval.Forward;
import com.alphacast.core.usecase.approval.ForwardPublisher;
import java.util.Map;

/**
 * An approval's forwards on SQS: the order request to the orders queue, each tier's release to the
 * deliveries queue with the tier's delay. The signal id (and tier) travel as message attributes so a
 * message can be traced back without parsing its body.
 */
public final class QueueForwardPublisher implements ForwardPublisher {

    private final QueuePublisher orders;
    private final QueuePublisher deliveries;

    public QueueForwardPublisher(QueuePublisher orders, QueuePublisher deliveries) {
        this.orders = orders;
        this.deliveries = deliveries;
    }

    @Override
    public void publish(Forward forward) {
        if (forward instanceof Forward.ToOrders toOrders) {
            orders.publish(toOrders.signal(), 0, Map.of("signalId", toOrders.signal().id()));
        } else if (forward instanceof Forward.ToTier toTier) {
            deliveries.publish(toTier.dispatch(), toTier.delaySeconds(),
                    Map.of("signalId", toTier.signal().id(), "tier", toTier.dispatch().tier().key()));
        } else {
            throw new IllegalArgumentException("no queue for forward " + forward.key() + " of " + forward.signal().id());
        }
    }
}
