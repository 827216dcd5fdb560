package com.alphacast.core.feed.lean;

/** One Lean trade bar (second or minute), prices divided by 10,000; {@code startMillis} is UTC epoch ms. */
public record LeanTradeBar(long startMillis, double open, double high, double low, double close, long volume,
                           long line) {
}
