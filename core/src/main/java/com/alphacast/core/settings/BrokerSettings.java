package com.alphacast.core.settings;

import com.alphacast.core.broker.options.OptionFillRules;
import java.util.Objects;

/**
 * Which broker takes orders and how the paper broker fills.
 *
 * @param kind          {@code paper} (the only broker wired by default; real brokers are adapters)
 * @param slippageTicks ticks the paper broker fills against the trader (buys higher, sells lower)
 * @param options       how signals with an option leg are filled and closed on the chain's quotes
 */
public record BrokerSettings(String kind, int slippageTicks, OptionFillRules options) {

    /** The option rules a profile gets when it names none: one tick of slippage, spread within 25 % of the mid,
     * at least 100 open contracts, a contract expiring that day closed 15 minutes before the close. */
    public static final OptionFillRules DEFAULT_OPTIONS = new OptionFillRules(1, 0.25, 100, 15);

    public BrokerSettings {
        Objects.requireNonNull(options, "options");
    }

    public BrokerSettings(String kind, int slippageTicks) {
        this(kind, slippageTicks, DEFAULT_OPTIONS);
    }
}
