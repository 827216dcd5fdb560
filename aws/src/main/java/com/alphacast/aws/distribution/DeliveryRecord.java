package com.alphacast.aws.distribution;

/**
 * A delivery as recorded.
 *
 * @param latencyMillis market event observed → delivery completed, or -1 while not completed
 */
public record DeliveryRecord(String deliveryId, String signalId, String tier, String channel, String destination,
                             String status, String detail, long latencyMillis) {
}
