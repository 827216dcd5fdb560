package com.alphacast.core.feed.binance;

/**
 * A message read from a capture file, with where it came from.
 *
 * @param message           the decoded message
 * @param receivedEpochSec  capture receive time in epoch seconds, NaN if the line carried none
 * @param line              1-based line in the source
 */
public record CapturedMessage(BinanceMessage message, double receivedEpochSec, long line) {
}
