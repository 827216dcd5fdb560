package com.alphacast.cli.demo;

import com.alphacast.aws.distribution.DeliveryRecord;
import com.alphacast.aws.distribution.DeliveryTimes;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.latency.QueueArrival;
import com.alphacast.core.latency.SignalPath;
import com.alphacast.core.risk.RecordedDecision;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Joins what the tables hold into each approved signal's path to its premium subscribers: the decision (signal,
 * {@code decidedAt}, the signal message's SQS stamps) and its premium deliveries (the release's SQS stamps, claim,
 * acceptance). A signal with several premium destinations counts once, by the delivery that completed last (the
 * moment every premium subscriber had it).
 *
 * @param paths      one per approved signal whose every stamp is on record, in market-time order
 * @param incomplete approved signals with a premium delivery still missing a stamp (not sent, or not through a queue)
 */
record PremiumPaths(List<SignalPath> paths, int incomplete) {

    static PremiumPaths of(List<RecordedDecision> decisions, Map<String, QueueArrival> arrivals,
                           List<DeliveryRecord> deliveries) {
        Map<String, List<DeliveryRecord>> premium = new HashMap<>();
        for (DeliveryRecord d : deliveries) {
            if (d.kind().equals("signal") && d.tier().equals(Tier.PREMIUM.key())) {
                premium.computeIfAbsent(d.signalId(), id -> new ArrayList<>()).add(d);
            }
        }
        List<SignalPath> paths = new ArrayList<>();
        int incomplete = 0;
        for (RecordedDecision decision : decisions) {
            List<DeliveryRecord> records = premium.getOrDefault(decision.signal().id(), List.of());
            if (!decision.decision().approved() || records.isEmpty()) {
                continue;
            }
            Optional<SignalPath> path = pathOf(decision, arrivals.get(decision.signal().id()), records);
            if (path.isPresent()) {
                paths.add(path.get());
            } else {
                incomplete++;
            }
        }
        return new PremiumPaths(paths, incomplete);
    }

    private static Optional<SignalPath> pathOf(RecordedDecision decision, QueueArrival arrival,
                                               List<DeliveryRecord> records) {
        if (arrival == null || records.stream().anyMatch(r -> !r.status().equals("SENT")
                || r.times().completed().isEmpty() || r.times().releaseSent().isEmpty())) {
            return Optional.empty();
        }
        DeliveryTimes last = records.stream().map(DeliveryRecord::times)
                .max(Comparator.comparing(t -> t.completed().get())).orElseThrow();
        return Optional.of(new SignalPath(decision.signal().id(), decision.signal().observedAt(), arrival.sentAt(),
                arrival.receivedAt(), decision.decision().decidedAt(), last.releaseSent().get(),
                last.releaseReceived().get(), last.claimed(), last.completed().get()));
    }
}
