package com.alphacast.functions.risk;

import com.alphacast.aws.market.DynamoMarketSnapshots;
import com.alphacast.aws.risk.DynamoRiskLedger;
import com.alphacast.core.trading.Position;
import com.alphacast.core.trading.PositionExit;
import java.time.Instant;
import java.util.Optional;

/**
 * Before a signal is decided, closes the exposures (earlier approvals) that the market took out at their
 * stop or target by the signal's market time, so "open positions" means what the market says, not how many
 * signals were ever approved. Reads the same snapshots the worker wrote before it sent the signal, so the
 * result does not depend on how far the order or position functions have got.
 */
final class ExposureReconciliation {

    private final DynamoRiskLedger ledger;
    private final DynamoMarketSnapshots market;

    ExposureReconciliation(DynamoRiskLedger ledger, DynamoMarketSnapshots market) {
        this.ledger = ledger;
        this.market = market;
    }

    void closeExitedBy(Instant marketTime) {
        for (Position exposure : ledger.openExposures()) {
            if (!marketTime.isAfter(exposure.openedAt())) {
                continue;
            }
            Optional<PositionExit> exit = exposure.firstExitIn(
                    market.barsBetween(exposure.underlying(), exposure.openedAt(), marketTime));
            exit.ifPresent(ledger::closeExposure);
        }
    }
}
