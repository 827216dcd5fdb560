package com.alphacast.aws.sqs;

import com.alphacast.core.publication.TierRelease;
import com.alphacast.core.usecase.publication.ReleaseQueue;
import java.util.List;
import java.util.Map;

/**
 * Tier releases of any publication on the deliveries queue. The publication id, kind and tier travel as message
 * attributes so a message can be traced without parsing its body; {@link #refusals} checks exactly the message
 * {@link #enqueue} would send against SQS's limits (size, characters, delay).
 */
public final class QueueReleaseQueue implements ReleaseQueue {

    private final QueuePublisher deliveries;

    public QueueReleaseQueue(QueuePublisher deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public List<String> refusals(TierRelease release) {
        return deliveries.refusals(release, 0, attributes(release));
    }

    @Override
    public void enqueue(TierRelease release, int delaySeconds) {
        deliveries.publish(release, delaySeconds, attributes(release));
    }

    private static Map<String, String> attributes(TierRelease release) {
        return Map.of("publicationId", release.publication().id(), "kind", release.publication().kind(),
                "tier", release.tier().key());
    }
}
