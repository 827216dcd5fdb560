package com.alphacast.core.risk;

import com.alphacast.core.signal.Signal;
import java.time.LocalDate;

/** A risk decision as stored: the signal, its trading day and the decision. */
public record RecordedDecision(Signal signal, LocalDate tradingDay, RiskDecision decision) {
}
