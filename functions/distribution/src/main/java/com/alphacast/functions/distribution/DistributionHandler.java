package com.alphacast.functions.distribution;

import com.alphacast.aws.config.SecretResolver;
import com.alphacast.aws.distribution.DynamoDeliveryLedger;
import com.alphacast.core.distribution.Delivery;
import com.alphacast.core.distribution.TierDispatch;
import com.alphacast.core.usecase.distribution.TieredDistribution;
import com.alphacast.functions.FunctionResources;
import com.alphacast.functions.SnapStartPriming;
import com.alphacast.functions.sqs.PartialBatch;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Lambda: tier releases (DeliveriesQueue) → rendered messages on every channel of the tier, once each. */
public final class DistributionHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** A claim older than this is presumed abandoned by a crashed invocation (> the function timeout). */
    private static final Duration CLAIM_LEASE = Duration.ofSeconds(90);

    private final FunctionResources resources;
    /** Held here because the CRaC context keeps its resources only weakly. */
    private final SnapStartPriming priming;
    private final TieredDistribution distribution;

    public DistributionHandler() {
        this(System.getenv());
    }

    public DistributionHandler(Map<String, String> environment) {
        this(new FunctionResources(environment), Clock.systemUTC());
    }

    DistributionHandler(FunctionResources resources, Clock clock) {
        this.resources = resources;
        this.priming = new SnapStartPriming(resources, "DELIVERIES_TABLE").register();
        DestinationAddresses.validate(resources.settings().distribution(), resources.settings().source());
        SecretResolver secrets = new SecretResolver(resources.environment(),
                () -> resources.clients().ssm(), () -> resources.clients().secretsManager());
        var requests = new DynamoSentRequestLedger(resources.dynamoDb(), resources.require("DELIVERIES_TABLE"),
                resources.retention());
        var sinks = new DistributionSinks(new PlatformSenders(secrets, requests, clock)).build(resources.settings().distribution(),
                Path.of(resources.environment().getOrDefault("ALPHACAST_HOME", ".")));
        this.distribution = new TieredDistribution(resources.settings().distribution(), sinks,
                new DynamoDeliveryLedger(resources.dynamoDb(), resources.require("DELIVERIES_TABLE"), CLAIM_LEASE,
                        resources.retention()), clock);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return PartialBatch.process(event, context, message -> {
            TierDispatch dispatch = resources.json().read(message.getBody(), TierDispatch.class);
            List<Delivery> done = distribution.distribute(dispatch);
            context.getLogger().log("distributed " + dispatch.signal().id() + " to " + dispatch.tier().key() + ": "
                    + done.size() + " deliveries\n");
        });
    }
}
