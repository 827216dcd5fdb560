package com.alphacast.core.settings;

/**
 * Parameters of the volume-spike strategy (see {@code com.alphacast.core.strategy.volumespike}).
 *
 * @param barSeconds      bar length the strategy reads
 * @param baselineBars    bars in the rolling volume baseline
 * @param minVolumeRatio  a bar's volume must be at least this multiple of the baseline mean
 * @param minZScore       and at least this many standard deviations above it
 * @param minBodyTicks    the bar must move at least this many ticks open to close (direction of the spike)
 * @param stopTicks       stop distance from entry
 * @param rewardToRisk    target distance as a multiple of the stop distance
 * @param quantity        suggested size in contracts
 * @param cooldownBars    bars to wait after a signal before the next one
 */
public record VolumeSpikeSettings(int barSeconds, int baselineBars, double minVolumeRatio, double minZScore,
                                  int minBodyTicks, int stopTicks, double rewardToRisk, int quantity,
                                  int cooldownBars) {
}
