package com.alphacast.core.feed.lean;

/**
 * One Lean quote bar (second or minute): the closing bid and ask of the period with the last sizes, prices divided
 * by 10,000; {@code startMillis} is UTC epoch ms. A side with no quote in the period is NaN.
 */
public record LeanQuoteBar(long startMillis, double bidClose, double bidSize, double askClose, double askSize,
                           long line) {
}
