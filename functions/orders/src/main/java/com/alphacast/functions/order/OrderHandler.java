package com.alphacast.functions.order;

import com.alphacast.aws.json.MalformedMessageException;
import com.alphacast.aws.market.DynamoMarketSnapshots;
import com.alphacast.aws.risk.DynamoRiskLedger;
import com.alphacast.aws.sqs.QueueExitChecks;
import com.alphacast.aws.sqs.QueuePublisher;
import com.alphacast.aws.sqs.QueueReleaseQueue;
import com.alphacast.aws.trading.DynamoTradingLedger;
import com.alphacast.core.broker.BrokerException;
import com.alphacast.core.broker.PaperBroker;
import com.alphacast.core.broker.options.OptionLegRouter;
import com.alphacast.core.settings.AlphacastSettings;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.Fill;
import com.alphacast.core.usecase.trading.OrderOutcome;
import com.alphacast.core.usecase.trading.OrderSubmission;
import com.alphacast.core.usecase.publication.PublicationRelease;
import com.alphacast.functions.FunctionResources;
import com.alphacast.functions.SnapStartPriming;
import com.alphacast.functions.options.OptionLegDesk;
import com.alphacast.functions.sqs.PartialBatch;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Lambda: approved signals (OrdersQueue) → paper broker → order, fill and position in DynamoDB. A signal with an
 * option leg buys its contract on the chain the worker stored ({@link OptionLegRouter}). An order the broker
 * refuses, or that still fails on the queue's last receive ({@code MAX_RECEIVE_COUNT}), is recorded as rejected and
 * gives its risk slot back instead of going to the DLQ holding it.
 *
 * <p>An attempt that crashed or timed out cannot do that itself, so its message still reaches OrdersDeadLetterQueue:
 * this function consumes that queue too (records told apart by {@code eventSourceARN} against
 * {@code ORDERS_DEAD_LETTER_QUEUE_ARN}) and settles each order there with {@link OrderSubmission#abandon}: recorded
 * rejected as "dead-lettered after N receives" and its slot given back, unless an order is already on record (a fill
 * written before the crash keeps its slot; a rejection's slot is given back once only), and says so in the log for
 * operators.
 */
public final class OrderHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final FunctionResources resources;
    /** Held here because the CRaC context keeps its resources only weakly. */
    private final SnapStartPriming priming;
    private final OrderSubmission submission;
    private final int maxReceiveCount;
    private final String deadLetterQueueArn;

    public OrderHandler() {
        this(System.getenv());
    }

    public OrderHandler(Map<String, String> environment) {
        this(new FunctionResources(environment), Clock.systemUTC());
    }

    OrderHandler(FunctionResources resources, Clock clock) {
        this.resources = resources;
        AlphacastSettings settings = resources.settings();
        DynamoMarketSnapshots market = new DynamoMarketSnapshots(resources.dynamoDb(),
                resources.require("MARKET_SNAPSHOTS_TABLE"), resources.retention());
        OptionLegRouter broker = new OptionLegRouter(
                new PaperBroker(market, settings.market().tickSize(), settings.broker().slippageTicks()),
                new OptionLegDesk(resources).broker());
        DynamoTradingLedger ledger = new DynamoTradingLedger(resources.dynamoDb(), resources.require("ORDERS_TABLE"),
                resources.require("POSITIONS_TABLE"));
        DynamoRiskLedger approvals = new DynamoRiskLedger(resources.dynamoDb(), resources.require("SIGNALS_TABLE"),
                resources.require("CONTROL_TABLE"), resources.json());
        PublicationRelease publications = new PublicationRelease(settings.distribution().tiers(),
                new QueueReleaseQueue(new QueuePublisher(resources.sqs(), resources.require("DELIVERIES_QUEUE_URL"),
                        resources.json())), approvals, clock);
        this.submission = new OrderSubmission(broker, ledger, market, publications,
                new QueueExitChecks(new QueuePublisher(resources.sqs(), resources.require("MARKET_BARS_QUEUE_URL"),
                        resources.json())), approvals, clock);
        this.maxReceiveCount = maxReceiveCount(resources);
        this.deadLetterQueueArn = resources.require("ORDERS_DEAD_LETTER_QUEUE_ARN");
        // The reads every order makes, for a signal on no record: nothing written or sent.
        Signal sample = SnapStartPriming.sample();
        this.priming = new SnapStartPriming(resources, "ORDERS_TABLE", () -> {
            ledger.order(sample.id());
            approvals.approvedAt(sample.id());
            market.atOrBefore(sample.underlying(), sample.marketTime());
        }, List.of("DELIVERIES_QUEUE_URL", "MARKET_BARS_QUEUE_URL")).register();
    }

    /** {@code MAX_RECEIVE_COUNT}: the OrdersQueue's {@code maxReceiveCount}, so the last attempt is known. */
    private static int maxReceiveCount(FunctionResources resources) {
        String value = resources.require("MAX_RECEIVE_COUNT").strip();
        try {
            int count = Integer.parseInt(value);
            if (count < 1) {
                throw new NumberFormatException();
            }
            return count;
        } catch (NumberFormatException e) {
            throw new IllegalStateException("environment variable MAX_RECEIVE_COUNT must be a whole number >= 1 (the"
                    + " OrdersQueue's maxReceiveCount), was '" + value + "'");
        }
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return PartialBatch.process(event, context, message -> {
            if (deadLetterQueueArn.equals(message.getEventSourceArn())) {
                settleDeadLettered(message, context);
                return;
            }
            Signal signal = resources.json().read(message.getBody(), Signal.class);
            OrderOutcome outcome;
            try {
                outcome = submission.submit(signal);
            } catch (BrokerException unavailable) {
                int receives = receiveCount(message);
                if (receives < maxReceiveCount) {
                    throw unavailable;
                }
                // The last attempt SQS gives this message: after it the message would sit in the DLQ holding the
                // approval's risk slot for a position that never opens.
                outcome = submission.abandon(signal, "broker unavailable after " + receives + " attempts: "
                        + unavailable.getMessage());
            }
            context.getLogger().log(describe(outcome) + "\n");
        });
    }

    /**
     * An order whose every attempt crashed or timed out: no fill is on record unless the crash came after it was
     * written, so {@code abandon} rejects it and frees its slot only when no order is on record. A failure here fails
     * the record, retried on the dead-letter queue (it has no redrive) until the slot is settled. A body that is no
     * signal names no slot to give back and never will: it is logged whole for operators and dropped, not retried
     * for the queue's fourteen days.
     */
    private void settleDeadLettered(SQSEvent.SQSMessage message, Context context) {
        Signal signal;
        try {
            signal = resources.json().read(message.getBody(), Signal.class);
        } catch (MalformedMessageException unreadable) {
            context.getLogger().log("OPERATOR ALERT: message " + message.getMessageId() + " on OrdersDeadLetterQueue"
                    + " is not a signal (" + unreadable.getMessage() + "), dropped; its body: " + message.getBody()
                    + "\n");
            return;
        }
        OrderOutcome outcome = submission.abandon(signal, "dead-lettered after " + maxReceiveCount + " receives");
        String what = outcome instanceof OrderOutcome.AlreadyOnRecord
                ? "already on record (a fill keeps its slot; a rejection's slot is given back once), nothing abandoned"
                : describe(outcome);
        context.getLogger().log("OPERATOR ALERT: the order for signal " + signal.id() + " reached OrdersDeadLetterQueue"
                + " after " + maxReceiveCount + " receives (its attempts crashed or timed out; see this function's"
                + " earlier log lines for why): " + what + "\n");
    }

    private static int receiveCount(SQSEvent.SQSMessage message) {
        String count = message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
        try {
            return count == null ? 1 : Integer.parseInt(count.strip());
        } catch (NumberFormatException unreadable) {
            return 1;
        }
    }

    private static String describe(OrderOutcome outcome) {
        if (outcome instanceof OrderOutcome.Filled filled) {
            Fill f = filled.fill();
            return "filled " + f.orderId() + " " + f.side() + " " + f.quantity() + " " + f.instrument() + " @ " + f.price();
        }
        if (outcome instanceof OrderOutcome.Rejected rejected) {
            return "order " + rejected.orderId() + " rejected, its risk slot given back: " + rejected.reason();
        }
        return "order for " + ((OrderOutcome.AlreadyOnRecord) outcome).orderId() + " already on record";
    }
}
