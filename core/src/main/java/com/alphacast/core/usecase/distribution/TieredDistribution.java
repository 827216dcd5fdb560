package com.alphacast.core.usecase.distribution;

import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.ChannelSink;
import com.alphacast.core.distribution.Delivery;
import com.alphacast.core.distribution.DeliveryFailedException;
import com.alphacast.core.distribution.DeliveryResult;
import com.alphacast.core.distribution.TierDispatch;
import com.alphacast.core.settings.DistributionSettings;
import com.alphacast.core.settings.TierPolicy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sends one tier's release of a signal to every destination the tier has on every channel, each exactly
 * once: a delivery is claimed in the ledger before it is sent and marked done after, so redelivered queue
 * messages and concurrent duplicates skip what is done. A transient failure on one destination does not
 * stop the others; it is reported at the end so the message is retried, and the retry only sends what is
 * still missing.
 */
public final class TieredDistribution {

    private final DistributionSettings settings;
    private final Map<Channel, ChannelSink> sinks;
    private final DeliveryLedger ledger;
    private final Clock clock;

    public TieredDistribution(DistributionSettings settings, Map<Channel, ChannelSink> sinks,
                              DeliveryLedger ledger, Clock clock) {
        this.settings = settings;
        this.sinks = Map.copyOf(sinks);
        this.ledger = ledger;
        this.clock = clock;
    }

    /** @return deliveries this call completed (sent or permanently refused) */
    public List<Delivery> distribute(TierDispatch dispatch) throws DeliveryFailedException {
        TierPolicy policy = settings.tiers().get(dispatch.tier());
        List<Delivery> completed = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<Channel, List<String>> channel : policy.destinations().entrySet()) {
            ChannelSink sink = sinks.get(channel.getKey());
            if (sink == null) {
                throw new IllegalStateException("no sink configured for channel " + channel.getKey().key());
            }
            for (String destination : channel.getValue()) {
                Delivery delivery = new Delivery(dispatch.signal(), dispatch.tier(), channel.getKey(), destination);
                switch (ledger.claim(delivery, clock.instant())) {
                    case ALREADY_DONE -> {
                        continue;
                    }
                    case HELD_ELSEWHERE -> {
                        failures.add(delivery.id() + ": being sent by another invocation");
                        continue;
                    }
                    case CLAIMED -> {
                        // fall through to send
                    }
                }
                DeliveryResult result;
                try {
                    result = sink.deliver(delivery);
                } catch (DeliveryFailedException e) {
                    ledger.release(delivery);
                    failures.add(delivery.id() + ": " + e.getMessage());
                    continue;
                } catch (RuntimeException e) {
                    // Unexpected: give the claim back so the retry is not blocked for a whole lease, then fail.
                    ledger.release(delivery);
                    throw e;
                }
                // Not released if this write fails: the claim then expires, and the retry finds the platform
                // request already recorded by the sink (outbox file, or the live senders' request ledger).
                ledger.complete(delivery, result, clock.instant());
                completed.add(delivery);
            }
        }
        if (!failures.isEmpty()) {
            throw new DeliveryFailedException("deliveries to retry: " + String.join("; ", failures));
        }
        return completed;
    }
}
