package com.alphacast.core.book;

/**
 * Sequencing rules of a snapshot-plus-diff depth stream (Binance's documented rules, as summarised in
 * docs/analytics-conventions.md, "Order book: Binance depth sync").
 */
public enum DepthProtocol {
    /** Spot: first event {@code U ≤ lastUpdateId + 1 ≤ u}; then {@code U == previous u + 1}. */
    SPOT,
    /** USDⓈ-M futures: first event {@code U ≤ lastUpdateId ≤ u}; then {@code pu == previous u}. */
    FUTURES
}
