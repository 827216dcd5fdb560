package com.alphacast.functions.risk;

import com.alphacast.aws.risk.DynamoRiskLedger;
import com.alphacast.aws.risk.RecordedDecision;
import com.alphacast.aws.sqs.QueuePublisher;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.distribution.TierDispatch;
import com.alphacast.core.risk.RiskCheck;
import com.alphacast.core.risk.RiskDecision;
import com.alphacast.core.settings.AlphacastSettings;
import com.alphacast.core.settings.TierPolicy;
import com.alphacast.core.signal.Signal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Decides one candidate signal and forwards an approval: to the orders queue, and to the deliveries queue
 * once per tier with the tier's delay. A redelivered signal reuses the recorded decision, so it is never
 * decided twice nor counted twice against the limits; forwarding again is harmless because order
 * submission and delivery are idempotent downstream.
 */
public final class SignalApproval {

    private static final int MAX_ATTEMPTS = 5;

    private final RiskCheck riskCheck;
    private final DynamoRiskLedger ledger;
    private final ExposureReconciliation exposures;
    private final QueuePublisher orders;
    private final QueuePublisher deliveries;
    private final AlphacastSettings settings;
    private final Clock clock;

    SignalApproval(RiskCheck riskCheck, DynamoRiskLedger ledger, ExposureReconciliation exposures,
                   QueuePublisher orders, QueuePublisher deliveries, AlphacastSettings settings, Clock clock) {
        this.riskCheck = riskCheck;
        this.ledger = ledger;
        this.exposures = exposures;
        this.orders = orders;
        this.deliveries = deliveries;
        this.settings = settings;
        this.clock = clock;
    }

    public RiskDecision decide(Signal signal) {
        Optional<RecordedDecision> recorded = ledger.decisionFor(signal.id());
        if (recorded.isPresent()) {
            forwardIfApproved(signal, recorded.get().decision());
            return recorded.get().decision();
        }
        LocalDate day = settings.market().session().tradingDay(signal.marketTime());
        exposures.closeExitedBy(signal.marketTime());
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            RiskDecision decision = riskCheck.evaluate(signal, ledger.state(day), clock.instant());
            switch (ledger.commit(signal, day, decision, riskCheck.limits())) {
                case RECORDED -> {
                    forwardIfApproved(signal, decision);
                    return decision;
                }
                case ALREADY_DECIDED -> {
                    RiskDecision existing = ledger.decisionFor(signal.id()).orElseThrow().decision();
                    forwardIfApproved(signal, existing);
                    return existing;
                }
                case LIMIT_RACED -> {
                    // Another approval took the last slot after we read the counters: decide again.
                }
            }
        }
        throw new IllegalStateException("risk limits kept changing under signal " + signal.id()
                + " for " + MAX_ATTEMPTS + " attempts; it will be retried");
    }

    private void forwardIfApproved(Signal signal, RiskDecision decision) {
        if (!decision.approved()) {
            return;
        }
        Map<String, String> attributes = Map.of("signalId", signal.id());
        orders.publish(signal, 0, attributes);
        for (Map.Entry<Tier, TierPolicy> tier : settings.distribution().tiers().entrySet()) {
            if (tier.getValue().destinations().isEmpty()) {
                continue;
            }
            deliveries.publish(new TierDispatch(signal, tier.getKey(), decision.decidedAt()),
                    tier.getValue().delaySeconds(),
                    Map.of("signalId", signal.id(), "tier", tier.getKey().key()));
        }
    }
}
