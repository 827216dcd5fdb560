package com.alphacast.functions.options;

import com.alphacast.aws.market.DynamoOptionChains;
import com.alphacast.core.broker.options.OptionFillRules;
import com.alphacast.core.broker.options.OptionPaperBroker;
import com.alphacast.core.broker.options.OptionPositionExits;
import com.alphacast.core.broker.options.OptionPremiumExits;
import com.alphacast.core.calendar.Exchange;
import com.alphacast.core.calendar.ShippedCalendars;
import com.alphacast.core.instrument.SecurityType;
import com.alphacast.core.instrument.SymbolProperties;
import com.alphacast.core.instrument.SymbolPropertiesDatabase;
import com.alphacast.core.options.OccSymbol;
import com.alphacast.functions.FunctionResources;
import java.util.function.Function;

/**
 * What the order and position functions need to trade a signal's option leg, wired once from the function's
 * environment: the chains the worker stored in {@code MARKET_SNAPSHOTS_TABLE}, the settings profile's
 * {@code broker.options} rules, each contract's tick and multiplier from the bundled symbol-properties database
 * (the {@code usa} option row of its root, else the default row), and the shipped NYSE calendar for the expiry
 * cutoff (early closes included).
 */
public final class OptionLegDesk {

    private final DynamoOptionChains chains;
    private final OptionFillRules rules;
    private final Function<OccSymbol, SymbolProperties> properties = this::properties;
    private final OptionPaperBroker broker;
    /** Parsed at the first contract priced: 700 KB of CSV a cold start without option orders need not read. */
    private SymbolPropertiesDatabase database;

    public OptionLegDesk(FunctionResources resources) {
        this.chains = new DynamoOptionChains(resources.dynamoDb(), resources.require("MARKET_SNAPSHOTS_TABLE"),
                resources.retention());
        this.rules = resources.settings().broker().options();
        this.broker = new OptionPaperBroker(chains, rules, properties);
    }

    private synchronized SymbolProperties properties(OccSymbol symbol) {
        if (database == null) {
            database = SymbolPropertiesDatabase.bundled();
        }
        return database.get("usa", symbol.root(), SecurityType.OPTION);
    }

    /** Fills option legs: ask/bid plus slippage on the chain at or before the signal, illiquid contracts refused. */
    public OptionPaperBroker broker() {
        return broker;
    }

    /** Judges positions holding a contract on the stored chains: premium stop and target, expiry cutoff. */
    public OptionPremiumExits exits() {
        return new OptionPremiumExits(new OptionPositionExits(broker, rules,
                new ShippedCalendars().calendar(Exchange.XNYS)), broker, chains, properties);
    }
}
