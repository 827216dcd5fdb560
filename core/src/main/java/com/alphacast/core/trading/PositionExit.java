package com.alphacast.core.trading;

import java.time.Instant;

/**
 * How a position closed.
 *
 * @param signalId the position (signal) that closed
 * @param reason   stop or target
 * @param price    exit price
 * @param time     market time of the exit (the end of the bar that reached the level, or its start on a gap)
 */
public record PositionExit(String signalId, ExitReason reason, double price, Instant time) {
}
