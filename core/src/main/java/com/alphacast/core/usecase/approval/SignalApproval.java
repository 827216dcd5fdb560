package com.alphacast.core.usecase.approval;

import com.alphacast.core.calendar.TradingSession;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.distribution.TierDispatch;
import com.alphacast.core.risk.RecordedDecision;
import com.alphacast.core.risk.RiskCheck;
import com.alphacast.core.risk.RiskDecision;
import com.alphacast.core.settings.TierPolicy;
import com.alphacast.core.signal.Signal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
    private final RiskLedger ledger;
    private final ExposureReconciliation exposures;
    private final ForwardPublisher forwards;
    private final TradingSession session;
    private final Map<Tier, TierPolicy> tiers;
    private final Clock clock;

    public SignalApproval(RiskCheck riskCheck, RiskLedger ledger, ExposureReconciliation exposures,
                          ForwardPublisher forwards, TradingSession session, Map<Tier, TierPolicy> tiers, Clock clock) {
        this.riskCheck = riskCheck;
        this.ledger = ledger;
        this.exposures = exposures;
        this.forwards = forwards;
        this.session = session;
        this.tiers = Map.copyOf(tiers);
        this.clock = clock;
    }

    public RiskDecision decide(Signal signal) {
        Optional<RecordedDecision> recorded = ledger.decisionFor(signal.id());
        if (recorded.isPresent()) {
            forward(signal, recorded.get().decision());
            return recorded.get().decision();
        }
        LocalDate day = session.tradingDay(signal.marketTime());
        exposures.closeExitedBy(signal.marketTime());
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            RiskDecision decision = riskCheck.evaluate(signal, ledger.state(day), clock.instant());
            switch (ledger.commit(signal, day, decision, riskCheck.limits())) {
                case RECORDED -> {
                    forward(signal, decision);
                    return decision;
                }
                case ALREADY_DECIDED -> {
                    RiskDecision existing = ledger.decisionFor(signal.id()).orElseThrow().decision();
                    forward(signal, existing);
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

    /** What a decision sends on: nothing for a rejection; the order and every tier with destinations for an approval. */
    public List<Forward> forwardsOf(Signal signal, RiskDecision decision) {
        if (!decision.approved()) {
            return List.of();
        }
        List<Forward> result = new ArrayList<>();
        result.add(new Forward.ToOrders(signal));
        for (Tier tier : Tier.values()) {
            TierPolicy policy = tiers.get(tier);
            if (policy == null || policy.destinations().isEmpty()) {
                continue;
            }
            result.add(new Forward.ToTier(new TierDispatch(signal, tier, decision.decidedAt()), policy.delaySeconds()));
        }
        return result;
    }

    private void forward(Signal signal, RiskDecision decision) {
        forwardsOf(signal, decision).forEach(forwards::publish);
    }
}
