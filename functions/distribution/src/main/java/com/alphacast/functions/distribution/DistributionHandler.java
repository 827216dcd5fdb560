package com.alphacast.functions.distribution;

import com.alphacast.aws.briefing.DynamoBriefingLedger;
import com.alphacast.aws.config.SecretResolver;
import com.alphacast.aws.distribution.DynamoDeliveryLedger;
import com.alphacast.aws.sqs.QueuePublisher;
import com.alphacast.aws.sqs.QueueReleaseQueue;
import com.alphacast.core.distribution.Delivery;
import com.alphacast.core.publication.TierRelease;
import com.alphacast.core.usecase.distribution.TieredDistribution;
import com.alphacast.functions.FunctionResources;
import com.alphacast.functions.SnapStartPriming;
import com.alphacast.functions.sqs.PartialBatch;
import com.alphacast.functions.sqs.QueueStamps;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lambda: tier releases of any publication (DeliveriesQueue) → rendered messages on every channel of the tier, once
 * each. An update whose tier's signal is not yet delivered at some destination is put back on the queue a few
 * seconds later (the signal's release and its update's can become visible together); after an hour of waiting it
 * fails like any other message, into the dead-letter queue after the redrive limit.
 */
public final class DistributionHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** A claim older than this is presumed abandoned by a crashed invocation (> the function timeout). */
    private static final Duration CLAIM_LEASE = Duration.ofSeconds(90);
    /**
     * How long a copy of a release waits for another invocation's claim on the same delivery (an outbox write takes
     * milliseconds, a live send a few seconds at most, longer from a cold environment on a busy machine) before the
     * release is held back and tried again. Five records of a batch all waiting the whole bound still end well inside
     * the function's 60 s Timeout.
     */
    private static final Duration HELD_CLAIM_WAIT = Duration.ofSeconds(8);
    /** How long a release with an update waiting for its signal, or a claim held elsewhere, waits to be tried again. */
    static final int HOLD_BACK_SECONDS = 3;
    /** A release still unfinished this long after it was released is failed instead of held again. */
    static final Duration GIVE_UP_WAITING_AFTER = Duration.ofHours(1);

    private final FunctionResources resources;
    /** Held here because the CRaC context keeps its resources only weakly. */
    private final SnapStartPriming priming;
    private final TieredDistribution distribution;
    private final QueueReleaseQueue releases;
    private final Clock clock;

    public DistributionHandler() {
        this(System.getenv());
    }

    public DistributionHandler(Map<String, String> environment) {
        this(new FunctionResources(environment), Clock.systemUTC());
    }

    DistributionHandler(FunctionResources resources, Clock clock) {
        this.resources = resources;
        DestinationAddresses.validate(resources.settings().distribution(), resources.settings().source());
        SecretResolver secrets = new SecretResolver(resources.environment(),
                () -> resources.clients().ssm(), () -> resources.clients().secretsManager());
        var requests = new DynamoSentRequestLedger(resources.dynamoDb(), resources.require("DELIVERIES_TABLE"),
                resources.retention());
        // A briefing's chart is stored beside it in BriefingsTable (too big for a queue message); read-only here.
        var charts = new LatestChart(new DynamoBriefingLedger(resources.dynamoDb(), resources.require("BRIEFINGS_TABLE")));
        var sinks = new DistributionSinks(new PlatformSenders(secrets, requests, charts, clock), charts)
                .build(resources.settings().distribution(),
                Path.of(resources.environment().getOrDefault("ALPHACAST_HOME", ".")));
        DynamoDeliveryLedger deliveries = new DynamoDeliveryLedger(resources.dynamoDb(),
                resources.require("DELIVERIES_TABLE"), CLAIM_LEASE, resources.retention());
        // The read every delivery's claim is checked against, for a delivery on no record, and the decoding and
        // rendering of a signal's releases into a scratch outbox: nothing claimed, recorded or sent.
        DeliveryRehearsal rehearsal = new DeliveryRehearsal(resources.json(), resources.settings().distribution(),
                charts, Path.of(System.getProperty("java.io.tmpdir")));
        this.priming = new SnapStartPriming(resources, "DELIVERIES_TABLE", () -> {
            deliveries.outcome(SnapStartPriming.sample().id());
            rehearsal.run();
        }, List.of("DELIVERIES_QUEUE_URL")).register();
        this.distribution = new TieredDistribution(resources.settings().distribution(), sinks, deliveries, clock,
                new TieredDistribution.ClaimWait(HELD_CLAIM_WAIT, Duration.ofMillis(25), Duration.ofMillis(500),
                        pause -> Thread.sleep(pause.toMillis())));
        this.releases = new QueueReleaseQueue(new QueuePublisher(resources.sqs(),
                resources.require("DELIVERIES_QUEUE_URL"), resources.json()));
        this.clock = clock;
    }

    /**
     * Sends the release again after {@link #HOLD_BACK_SECONDS} for what it could not finish now: updates whose signal
     * is not delivered yet, and deliveries another invocation still has claimed. Failing the message instead would
     * bring it back only after the queue's whole visibility timeout.
     */
    private void holdBack(TierRelease release, TieredDistribution.Outcome outcome, Context context) {
        List<String> waiting = new ArrayList<>();
        outcome.awaiting().forEach(delivery -> waiting.add(delivery.id() + " (its signal is not delivered yet)"));
        outcome.heldElsewhere().forEach(delivery -> waiting.add(delivery.id() + " (claimed by another invocation)"));
        if (Duration.between(release.releasedAt(), clock.instant()).compareTo(GIVE_UP_WAITING_AFTER) > 0) {
            throw new IllegalStateException(release.key() + " is still unfinished "
                    + GIVE_UP_WAITING_AFTER.toMinutes() + " min after its release: " + String.join(", ", waiting));
        }
        releases.enqueue(release, HOLD_BACK_SECONDS);
        context.getLogger().log("held back " + release.key() + " for " + HOLD_BACK_SECONDS + " s: "
                + String.join(", ", waiting) + "\n");
    }

    /**
     * A batch's releases in {@link TierRelease#MOST_URGENT_FIRST} order (releases are independent and each delivery
     * is claimed, so order within a batch is free): a premium signal received behind a batch of fills and lower
     * tiers does not wait for them. Unreadable records go last. A FIFO queue's batch keeps its order.
     */
    static List<SQSEvent.SQSMessage> mostUrgentFirst(List<SQSEvent.SQSMessage> records,
                                                     Map<SQSEvent.SQSMessage, TierRelease> decoded) {
        if (records.stream().anyMatch(PartialBatch::fromFifoQueue)) {
            return records;
        }
        Comparator<SQSEvent.SQSMessage> readableFirst = Comparator.comparing(message -> !decoded.containsKey(message));
        return records.stream().sorted(readableFirst.thenComparing(decoded::get,
                Comparator.nullsLast(TierRelease.MOST_URGENT_FIRST))).toList();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        // By record, not message id: a hand-made event may repeat an id or leave it out.
        Map<SQSEvent.SQSMessage, TierRelease> decoded = new IdentityHashMap<>();
        for (SQSEvent.SQSMessage message : records) {
            try {
                decoded.put(message, resources.json().read(message.getBody(), TierRelease.class));
            } catch (RuntimeException unreadable) {
                // Decoded again when its turn comes, and failed there with this error.
            }
        }
        SQSEvent ordered = new SQSEvent();
        ordered.setRecords(mostUrgentFirst(records, decoded));
        return PartialBatch.process(ordered, context, message -> {
            TierRelease release = decoded.containsKey(message) ? decoded.get(message)
                    : resources.json().read(message.getBody(), TierRelease.class);
            TieredDistribution.Outcome outcome = distribution.distribute(release, QueueStamps.of(message));
            context.getLogger().log("distributed " + release.publication().kind() + " " + release.key() + ": "
                    + outcome.completed().size() + " deliveries\n");
            if (outcome.unfinished()) {
                holdBack(release, outcome, context);
            }
        });
    }
}
