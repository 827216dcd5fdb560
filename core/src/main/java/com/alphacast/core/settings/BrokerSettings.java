package com.alphacast.core.settings;

/**
 * Which broker takes orders and how the paper broker fills.
 *
 * @param kind          {@code paper} (the only broker wired by default; real brokers are adapters)
 * @param slippageTicks ticks the paper broker fills against the trader (buys higher, sells lower)
 */
public record BrokerSettings(String kind, int slippageTicks) {
}
