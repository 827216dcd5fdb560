package com.alphacast.aws.distribution;

/**
 * A delivery as recorded.
 *
 * @param publicationId what was delivered (a signal's id, {@code fill:…}, {@code exit:…}, {@code briefing:…})
 * @param kind          the publication's kind ({@code signal}, {@code filled}, {@code target-hit}, …)
 * @param signalId      the signal it is (about); empty for a recap or a briefing
 * @param latencyMillis for a signal, market event observed → delivery completed; -1 otherwise or while not completed
 * @param times         the release's queue stamps, the claim and the sink's acceptance
 */
public record DeliveryRecord(String deliveryId, String publicationId, String kind, String signalId, String tier,
                             String channel, String destination, String status, String detail, long latencyMillis,
                             DeliveryTimes times) {
}
