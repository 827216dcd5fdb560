package com.alphacast.functions.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.distribution.Tier;
import com.alphacast.core.publication.Publication;
import com.alphacast.core.publication.TierRelease;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.Fill;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DistributionHandlerOrderTest {

    private static final Instant AT = Instant.parse("2011-07-31T22:09:10Z");

    @Test
    void aPremiumSignalReceivedBehindFillsAndLowerTiersIsDeliveredFirstAndAnUnreadableRecordLast() {
        Signal signal = new Signal("institutional-flow:ES:2011-07-31T22:09:10Z", "institutional-flow", "ES", "ESU1",
                Direction.LONG, 1303.75, 1300.75, 1308.5, 1, 0.8, "", AT, AT);
        Fill fill = new Fill("volume-spike:ESU1:2011-07-31T22:09:07Z", "volume-spike:ESU1:2011-07-31T22:09:07Z",
                "ESU1", Direction.SHORT, 1, 1304.25, AT);
        SQSEvent.SQSMessage garbled = message("garbled");
        SQSEvent.SQSMessage premiumFill = message("fill-premium");
        SQSEvent.SQSMessage freeSignal = message("signal-free");
        SQSEvent.SQSMessage basicSignal = message("signal-basic");
        SQSEvent.SQSMessage premiumSignal = message("signal-premium");
        Map<SQSEvent.SQSMessage, TierRelease> decoded = new IdentityHashMap<>(Map.of(
                premiumFill, new TierRelease(new Publication.Filled(fill, "ES"), Tier.PREMIUM, AT),
                freeSignal, new TierRelease(new Publication.NewSignal(signal), Tier.FREE, AT),
                basicSignal, new TierRelease(new Publication.NewSignal(signal), Tier.BASIC, AT),
                premiumSignal, new TierRelease(new Publication.NewSignal(signal), Tier.PREMIUM, AT)));
        List<SQSEvent.SQSMessage> received = List.of(garbled, premiumFill, freeSignal, basicSignal, premiumSignal);

        assertThat(DistributionHandler.mostUrgentFirst(received, decoded))
                .extracting(SQSEvent.SQSMessage::getMessageId)
                .containsExactly("signal-premium", "fill-premium", "signal-basic", "signal-free", "garbled");
    }

    @Test
    void aFifoQueuesBatchKeepsItsOrder() {
        SQSEvent.SQSMessage fill = message("fill-premium");
        SQSEvent.SQSMessage signal = message("signal-premium");
        fill.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:Deliveries.fifo");
        signal.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:Deliveries.fifo");
        Signal newSignal = new Signal("s1", "volume-spike", "ES", "ESU1", Direction.LONG, 1303.75, 1300.75, 1308.5, 1,
                0.8, "", AT, AT);
        Map<SQSEvent.SQSMessage, TierRelease> decoded = new IdentityHashMap<>(Map.of(
                fill, new TierRelease(new Publication.Filled(new Fill("s0", "s0", "ESU1", Direction.SHORT, 1, 1304.25,
                        AT), "ES"), Tier.PREMIUM, AT),
                signal, new TierRelease(new Publication.NewSignal(newSignal), Tier.PREMIUM, AT)));

        assertThat(DistributionHandler.mostUrgentFirst(List.of(fill, signal), decoded)).containsExactly(fill, signal);
    }

    private static SQSEvent.SQSMessage message(String id) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody(id.equals("garbled") ? "{\"publication\": " : "{}");
        return message;
    }
}
