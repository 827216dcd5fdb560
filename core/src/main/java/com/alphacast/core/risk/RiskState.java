package com.alphacast.core.risk;

/**
 * What the risk check needs to know about the book at decision time.
 *
 * @param killSwitch        the operator's halt switch
 * @param openPositions     open positions plus approved signals whose order has not filled yet
 * @param approvedToday     signals approved so far on the signal's trading day
 */
public record RiskState(KillSwitch killSwitch, int openPositions, int approvedToday) {
}
