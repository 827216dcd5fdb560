package com.alphacast.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.aws.distribution.DeliveryRecord;
import com.alphacast.aws.distribution.DynamoDeliveryLedger;
import com.alphacast.aws.json.JsonCodec;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Delivery;
import com.alphacast.core.usecase.distribution.DeliveryLedger;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.distribution.TierDispatch;
import com.alphacast.core.publication.Publication;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A copy of a release whose delivery another invocation keeps claimed past the distribution's claim wait (8 s) is
 * held back and tried again every few seconds, so it finishes soon after that claim is given back, not after the
 * queue's 360 s visibility timeout as a failed message would.
 */
class HeldClaimIT {

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forProjectTemplate()
            .parameter("Profile", "demo")
            .onlyFunctions("DistributionFunction")
            .build();

    @Test
    void releaseHeldByAnotherInvocationsClaimIsFinishedSoonAfterTheClaimIsGivenBack(LocalCloud cloud)
            throws InterruptedException {
        Instant at = Instant.parse("2011-07-31T22:29:00Z");
        Signal signal = new Signal("volume-spike:ESU1:" + at, "volume-spike", "ES", "ESU1", Direction.SHORT, 1303.5,
                1305.0, 1300.5, 1, 0.66, "held claim", at, Instant.now());
        DynamoDeliveryLedger ledger = new DynamoDeliveryLedger(cloud.dynamoDb(), cloud.tableName("DeliveriesTable"),
                Duration.ofMinutes(1), Duration.ofDays(1));
        // Another invocation is sending the premium Telegram delivery, and takes long about it.
        Delivery telegram = new Delivery(new Publication.NewSignal(signal), Tier.PREMIUM, Channel.TELEGRAM,
                "-1001000000001");
        assertThat(ledger.claim(telegram, Instant.now(), Optional.empty())).isEqualTo(DeliveryLedger.Claim.CLAIMED);

        cloud.sqs().sendMessage(b -> b.queueUrl(cloud.queueUrl("DeliveriesQueue"))
                .messageBody(new JsonCodec().write(new TierDispatch(signal, Tier.PREMIUM, Instant.now()).release())));
        // Longer than the claim wait: the copy has given up waiting and been held back at least once.
        Thread.sleep(12_000);
        ledger.release(telegram);
        cloud.awaitIdle(Duration.ofSeconds(60));

        List<DeliveryRecord> deliveries = ledger.all();
        assertThat(deliveries).filteredOn(d -> d.channel().equals("telegram"))
                .singleElement().satisfies(d -> assertThat(d.status()).isEqualTo("SENT"));
        assertThat(deliveries).filteredOn(d -> d.channel().equals("discord"))
                .singleElement().satisfies(d -> assertThat(d.status()).isEqualTo("SENT"));
    }
}
