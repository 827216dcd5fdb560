package com.alphacast.functions.position;

import com.alphacast.aws.market.DynamoMarketSnapshots;
import com.alphacast.aws.risk.DynamoExitProgress;
import com.alphacast.aws.risk.DynamoRiskLedger;
import com.alphacast.aws.sqs.QueuePublisher;
import com.alphacast.aws.sqs.QueueReleaseQueue;
import com.alphacast.aws.trading.DynamoTradingLedger;
import com.alphacast.core.market.Bar;
import com.alphacast.core.trading.PositionExit;
import com.alphacast.core.usecase.publication.PublicationRelease;
import com.alphacast.core.usecase.trading.CloseRequest;
import com.alphacast.core.usecase.trading.PositionExits;
import com.alphacast.functions.FunctionResources;
import com.alphacast.functions.SnapStartPriming;
import com.alphacast.functions.options.OptionLegDesk;
import com.alphacast.functions.sqs.PartialBatch;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lambda: closed bars (MarketBarsQueue) → positions whose stop or target was reached are closed; operators' close
 * requests (PositionCloseRequestsQueue, from /closeall) → that position closed at the latest stored price. The one
 * owner of exits: it gives the position's risk slot back and publishes the close (with realized P&amp;L) to every
 * tier. A position holding an option contract exits on its premium, judged on the chains the worker stored, or at
 * the expiry cutoff ({@link OptionLegDesk}). Which queue a record came from is told by its {@code eventSourceARN} against
 * {@code CLOSE_REQUESTS_QUEUE_ARN}.
 */
public final class PositionExitHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final FunctionResources resources;
    /** Held here because the CRaC context keeps its resources only weakly. */
    private final SnapStartPriming priming;
    private final PositionExits exits;
    private final String closeRequestsQueueArn;

    public PositionExitHandler() {
        this(System.getenv());
    }

    public PositionExitHandler(Map<String, String> environment) {
        this(new FunctionResources(environment), Clock.systemUTC());
    }

    PositionExitHandler(FunctionResources resources, Clock clock) {
        this.resources = resources;
        this.priming = new SnapStartPriming(resources, "POSITIONS_TABLE").register();
        // The same ledger gives risk slots back and tells when a signal was approved.
        DynamoRiskLedger riskLedger = new DynamoRiskLedger(resources.dynamoDb(), resources.require("SIGNALS_TABLE"),
                resources.require("CONTROL_TABLE"), resources.json());
        DynamoMarketSnapshots market = new DynamoMarketSnapshots(resources.dynamoDb(),
                resources.require("MARKET_SNAPSHOTS_TABLE"), resources.retention());
        this.closeRequestsQueueArn = resources.require("CLOSE_REQUESTS_QUEUE_ARN");
        this.exits = new PositionExits(
                new DynamoTradingLedger(resources.dynamoDb(), resources.require("ORDERS_TABLE"),
                        resources.require("POSITIONS_TABLE")),
                market, market, resources.settings().market().contractMultiplier(), riskLedger,
                new PublicationRelease(resources.settings().distribution().tiers(),
                        new QueueReleaseQueue(new QueuePublisher(resources.sqs(),
                                resources.require("DELIVERIES_QUEUE_URL"), resources.json())), riskLedger, clock),
                new DynamoExitProgress(resources.dynamoDb(), resources.require("CONTROL_TABLE"), Duration.ZERO, clock),
                Optional.of(new OptionLegDesk(resources).exits()));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return PartialBatch.process(event, context, message -> {
            if (closeRequestsQueueArn.equals(message.getEventSourceArn())) {
                CloseRequest request = resources.json().read(message.getBody(), CloseRequest.class);
                Optional<PositionExit> closed = exits.closeOnRequest(request);
                context.getLogger().log(closed.map(exit -> "closed " + exit.signalId() + " for " + request.requestedBy()
                        + " at " + exit.reason() + " " + exit.price()).orElse("close of " + request.signalId()
                        + " for " + request.requestedBy() + ": not open any more") + "\n");
                return;
            }
            Bar bar = resources.json().read(message.getBody(), Bar.class);
            List<PositionExit> closed = exits.closeExited(bar.symbol(), bar.end());
            for (PositionExit exit : closed) {
                context.getLogger().log("closed " + exit.signalId() + " at " + exit.reason() + " " + exit.price() + "\n");
            }
        });
    }
}
