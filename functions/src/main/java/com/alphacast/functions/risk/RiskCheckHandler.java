package com.alphacast.functions.risk;

import com.alphacast.aws.risk.DynamoRiskLedger;
import com.alphacast.aws.sqs.QueuePublisher;
import com.alphacast.core.risk.RiskCheck;
import com.alphacast.core.risk.RiskDecision;
import com.alphacast.core.signal.Signal;
import com.alphacast.functions.FunctionResources;
import com.alphacast.functions.sqs.PartialBatch;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import java.util.Map;

/** Lambda: candidate signals (SignalsQueue) → risk decision → orders and deliveries queues. */
public final class RiskCheckHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final FunctionResources resources;
    private final SignalApproval approval;

    /** Used by the Lambda runtime. */
    public RiskCheckHandler() {
        this(System.getenv());
    }

    /** Used by the local cloud, which gives each function the environment template.yaml declares. */
    public RiskCheckHandler(Map<String, String> environment) {
        this(new FunctionResources(environment), Clock.systemUTC());
    }

    RiskCheckHandler(FunctionResources resources, Clock clock) {
        this.resources = resources;
        DynamoRiskLedger ledger = new DynamoRiskLedger(resources.dynamoDb(), resources.require("SIGNALS_TABLE"),
                resources.require("CONTROL_TABLE"), resources.json());
        this.approval = new SignalApproval(new RiskCheck(resources.settings().risk()), ledger,
                new QueuePublisher(resources.sqs(), resources.require("ORDERS_QUEUE_URL"), resources.json()),
                new QueuePublisher(resources.sqs(), resources.require("DELIVERIES_QUEUE_URL"), resources.json()),
                resources.settings(), clock);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return PartialBatch.process(event, context, message -> {
            Signal signal = resources.json().read(message.getBody(), Signal.class);
            RiskDecision decision = approval.decide(signal);
            context.getLogger().log((decision.approved() ? "approved " : "rejected ") + signal.id()
                    + (decision.approved() ? "" : ": " + String.join("; ", decision.reasons())) + "\n");
        });
    }
}
