package com.alphacast.functions.order;

import com.alphacast.aws.market.DynamoMarketSnapshots;
import com.alphacast.aws.risk.DynamoRiskLedger;
import com.alphacast.aws.sqs.QueueExitChecks;
import com.alphacast.aws.sqs.QueuePublisher;
import com.alphacast.aws.sqs.QueueReleaseQueue;
import com.alphacast.aws.trading.DynamoTradingLedger;
import com.alphacast.core.broker.PaperBroker;
import com.alphacast.core.settings.AlphacastSettings;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.Fill;
import com.alphacast.core.usecase.trading.OrderSubmission;
import com.alphacast.core.usecase.publication.PublicationRelease;
import com.alphacast.functions.FunctionResources;
import com.alphacast.functions.SnapStartPriming;
import com.alphacast.functions.sqs.PartialBatch;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Lambda: approved signals (OrdersQueue) → paper broker → order, fill and position in DynamoDB. */
public final class OrderHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final FunctionResources resources;
    /** Held here because the CRaC context keeps its resources only weakly. */
    private final SnapStartPriming priming;
    private final OrderSubmission submission;

    public OrderHandler() {
        this(System.getenv());
    }

    public OrderHandler(Map<String, String> environment) {
        this(new FunctionResources(environment), Clock.systemUTC());
    }

    OrderHandler(FunctionResources resources, Clock clock) {
        this.resources = resources;
        this.priming = new SnapStartPriming(resources, "ORDERS_TABLE").register();
        AlphacastSettings settings = resources.settings();
        DynamoMarketSnapshots market = new DynamoMarketSnapshots(resources.dynamoDb(),
                resources.require("MARKET_SNAPSHOTS_TABLE"), resources.retention());
        PaperBroker broker = new PaperBroker(market, settings.market().tickSize(), settings.broker().slippageTicks());
        DynamoTradingLedger ledger = new DynamoTradingLedger(resources.dynamoDb(), resources.require("ORDERS_TABLE"),
                resources.require("POSITIONS_TABLE"));
        DynamoRiskLedger approvals = new DynamoRiskLedger(resources.dynamoDb(), resources.require("SIGNALS_TABLE"),
                resources.require("CONTROL_TABLE"), resources.json());
        PublicationRelease publications = new PublicationRelease(settings.distribution().tiers(),
                new QueueReleaseQueue(new QueuePublisher(resources.sqs(), resources.require("DELIVERIES_QUEUE_URL"),
                        resources.json())), approvals, clock);
        this.submission = new OrderSubmission(broker, ledger, market, publications,
                new QueueExitChecks(new QueuePublisher(resources.sqs(), resources.require("MARKET_BARS_QUEUE_URL"),
                        resources.json())), clock);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return PartialBatch.process(event, context, message -> {
            Signal signal = resources.json().read(message.getBody(), Signal.class);
            Optional<Fill> fill = submission.submit(signal);
            context.getLogger().log(fill.map(f -> "filled " + f.orderId() + " " + f.side() + " " + f.quantity()
                    + " " + f.instrument() + " @ " + f.price()).orElse("order for " + signal.id() + " already on record")
                    + "\n");
        });
    }
}
