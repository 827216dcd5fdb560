package com.alphacast.aws.distribution;

import java.time.Instant;
import java.util.Optional;

/**
 * When a delivery moved, as its record holds it: the release's SQS stamps (sent to and first received from
 * DeliveriesQueue; empty for a release that did not come through the queue), when it was claimed, and when the
 * sink accepted it (empty while not completed).
 */
public record DeliveryTimes(Optional<Instant> releaseSent, Optional<Instant> releaseReceived, Instant claimed,
                            Optional<Instant> completed) {
}
