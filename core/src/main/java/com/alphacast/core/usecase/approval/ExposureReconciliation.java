package com.alphacast.core.usecase.approval;

import com.alphacast.core.market.BarHistory;
import com.alphacast.core.trading.Position;
import com.alphacast.core.trading.PositionExit;
import java.time.Instant;
import java.util.Optional;

/**
 * Before a signal is decided, closes the exposures (earlier approvals) that the market took out at their
 * stop or target by the signal's market time, so "open positions" means what the market says, not how many
 * signals were ever approved. Reads the same bars the worker recorded before it sent the signal, so the
 * result does not depend on how far the order or position functions have got.
 */
public final class ExposureReconciliation {

    private final RiskLedger ledger;
    private final BarHistory market;

    public ExposureReconciliation(RiskLedger ledger, BarHistory market) {
        this.ledger = ledger;
        this.market = market;
    }

    public void closeExitedBy(Instant marketTime) {
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
