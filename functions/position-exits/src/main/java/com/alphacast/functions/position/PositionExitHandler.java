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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
        // The same ledger gives risk slots back and tells when a signal was approved.
        DynamoRiskLedger riskLedger = new DynamoRiskLedger(resources.dynamoDb(), resources.require("SIGNALS_TABLE"),
                resources.require("CONTROL_TABLE"), resources.json());
        DynamoMarketSnapshots market = new DynamoMarketSnapshots(resources.dynamoDb(),
                resources.require("MARKET_SNAPSHOTS_TABLE"), resources.retention());
        this.closeRequestsQueueArn = resources.require("CLOSE_REQUESTS_QUEUE_ARN");
        DynamoTradingLedger trading = new DynamoTradingLedger(resources.dynamoDb(), resources.require("ORDERS_TABLE"),
                resources.require("POSITIONS_TABLE"));
        this.exits = new PositionExits(trading,
                market, market, resources.settings().market().contractMultiplier(), riskLedger,
                new PublicationRelease(resources.settings().distribution().tiers(),
                        new QueueReleaseQueue(new QueuePublisher(resources.sqs(),
                                resources.require("DELIVERIES_QUEUE_URL"), resources.json())), riskLedger, clock),
                new DynamoExitProgress(resources.dynamoDb(), resources.require("CONTROL_TABLE"), Duration.ZERO, clock),
                Optional.of(new OptionLegDesk(resources).exits()));
        // The reads every bar makes (the bars of a period long before any data): nothing written or sent.
        this.priming = new SnapStartPriming(resources, "POSITIONS_TABLE", () -> {
            trading.openPositions();
            market.barsBetween(SnapStartPriming.sample().underlying(), Instant.EPOCH, Instant.EPOCH.plusSeconds(60));
        }, List.of("DELIVERIES_QUEUE_URL")).register();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        List<SQSEvent.SQSMessage> closeRequests = new ArrayList<>();
        List<SQSEvent.SQSMessage> bars = new ArrayList<>();
        for (SQSEvent.SQSMessage message : records) {
            (closeRequestsQueueArn.equals(message.getEventSourceArn()) ? closeRequests : bars).add(message);
        }
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        if (!closeRequests.isEmpty()) {
            SQSEvent requests = new SQSEvent();
            requests.setRecords(closeRequests);
            failures.addAll(PartialBatch.process(requests, context, message -> {
                CloseRequest request = resources.json().read(message.getBody(), CloseRequest.class);
                Optional<PositionExit> closed = exits.closeOnRequest(request);
                context.getLogger().log(closed.map(exit -> "closed " + exit.signalId() + " for " + request.requestedBy()
                        + " at " + exit.reason() + " " + exit.price()).orElse("close of " + request.signalId()
                        + " for " + request.requestedBy() + ": not open any more") + "\n");
            }).getBatchItemFailures());
        }
        failures.addAll(checkBars(bars, context));
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /**
     * Checks a batch's bars once per symbol, through the latest bar end the batch names for it: an exit is the first
     * bar since the fill that reached a level, so checking through the latest horizon finds what checking each bar in
     * turn would, with one read of the positions and the bars instead of one per message. A record that is no bar fails
     * alone; a failed check fails every record of its symbol (each is retried, and the retry finds the same exits).
     */
    private List<SQSBatchResponse.BatchItemFailure> checkBars(List<SQSEvent.SQSMessage> records, Context context) {
        Map<String, Instant> horizons = new LinkedHashMap<>();
        Map<String, List<SQSEvent.SQSMessage>> bySymbol = new HashMap<>();
        SQSEvent unreadable = new SQSEvent();
        unreadable.setRecords(new ArrayList<>());
        for (SQSEvent.SQSMessage message : records) {
            Bar bar;
            try {
                bar = resources.json().read(message.getBody(), Bar.class);
            } catch (RuntimeException notABar) {
                unreadable.getRecords().add(message);
                continue;
            }
            horizons.merge(bar.symbol(), bar.end(), (before, now) -> now.isAfter(before) ? now : before);
            bySymbol.computeIfAbsent(bar.symbol(), symbol -> new ArrayList<>()).add(message);
        }
        // Reported with the reason, as for any failing record (decoded again there to say why).
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>(PartialBatch.process(unreadable, context,
                message -> resources.json().read(message.getBody(), Bar.class)).getBatchItemFailures());
        for (Map.Entry<String, Instant> symbol : horizons.entrySet()) {
            List<SQSEvent.SQSMessage> group = bySymbol.get(symbol.getKey());
            try {
                for (PositionExit exit : exits.closeExited(symbol.getKey(), symbol.getValue())) {
                    context.getLogger().log("closed " + exit.signalId() + " at " + exit.reason() + " " + exit.price()
                            + "\n");
                }
            } catch (RuntimeException e) {
                context.getLogger().log("exit check of " + symbol.getKey() + " through " + symbol.getValue()
                        + " failed, its " + group.size() + " bar record(s) will be retried or dead-lettered: " + e + "\n");
                group.forEach(message -> failures.add(SQSBatchResponse.BatchItemFailure.builder()
                        .withItemIdentifier(message.getMessageId()).build()));
            }
        }
        return failures;
    }
}
