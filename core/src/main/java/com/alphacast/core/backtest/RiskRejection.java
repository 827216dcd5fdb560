package com.alphacast.core.backtest;

import java.util.List;

/** A signal the risk check refused, with every reason, or the conflict rule set aside. */
public record RiskRejection(String strategy, String signalId, List<String> reasons) {

    public RiskRejection {
        reasons = List.copyOf(reasons);
    }
}
