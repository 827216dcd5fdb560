package com.alphacast.bots.command.data;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether the kill switch is engaged.
 *
 * @param halted  true while no new orders may be placed
 * @param changedBy who last halted or resumed (platform:user id), empty if never changed
 * @param since   when the current state began
 * @param reason  why it was halted, empty when running
 */
public record TradingStatus(boolean halted, Optional<String> changedBy, Instant since, String reason) {
}
