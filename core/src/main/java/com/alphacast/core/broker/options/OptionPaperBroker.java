package com.alphacast.core.broker.options;

import com.alphacast.core.broker.Broker;
import com.alphacast.core.broker.OrderRefusedException;
import com.alphacast.core.instrument.SymbolProperties;
import com.alphacast.core.options.OccSymbol;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.options.OptionContract;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.Fill;
import com.alphacast.core.trading.Order;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * Fills option orders against the chain snapshot current when the signal fired: buys at the ask, sells at the bid,
 * {@code slippageTicks} premium ticks further against the trader, on the contract's tick. Contracts that are not
 * quoted on both sides, whose spread is wider than allowed or whose open interest is too small are refused with the
 * reason, because a paper fill there would be a price nobody could have traded at. Every refusal is an
 * {@link OrderRefusedException} (for good): the chain a signal fired on is stored before the signal is sent, so a
 * retry would read the same quotes, and the order is recorded rejected with its risk slot given back.
 */
public final class OptionPaperBroker implements Broker {

    private final OptionQuotes quotes;
    private final OptionFillRules rules;
    private final Function<OccSymbol, SymbolProperties> properties;

    /**
     * @param properties tick size and multiplier of a contract (from the symbol-properties database)
     */
    public OptionPaperBroker(OptionQuotes quotes, OptionFillRules rules,
                             Function<OccSymbol, SymbolProperties> properties) {
        this.quotes = Objects.requireNonNull(quotes, "quotes");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.properties = Objects.requireNonNull(properties, "properties");
    }

    @Override
    public String name() {
        return "paper-options";
    }

    @Override
    public Fill submit(Order order, Signal signal) throws OrderRefusedException {
        OccSymbol symbol = occ(order.instrument());
        OptionChain chain = quotes.chainAtOrBefore(signal.underlying(), signal.marketTime())
                .orElseThrow(() -> new OrderRefusedException("no option chain for " + signal.underlying() + " at or before "
                        + signal.marketTime() + "; cannot fill " + order.orderId()));
        OptionContract contract = contract(chain, symbol, order);
        if (chain.isExpired(contract)) {
            throw new OrderRefusedException("refused " + order.orderId() + ": " + symbol + " expired on "
                    + contract.expiry() + " (chain as of " + chain.asOf() + ")");
        }
        refuseIlliquid(contract, order);
        double price = executionPrice(contract, order.side());
        Instant time = chain.asOfTime() != null ? chain.asOfTime().toInstant() : signal.marketTime();
        return new Fill(order.orderId(), order.signalId(), order.instrument(), order.side(), order.quantity(), price,
                time.isBefore(signal.marketTime()) ? signal.marketTime() : time);
    }

    /** Buy at the ask, sell at the bid, plus slippage, on the contract's tick; the quotes are checked first. */
    public double executionPrice(OptionContract contract, Direction side) {
        SymbolProperties props = properties.apply(contract.symbol());
        double quote = side == Direction.LONG ? contract.ask() : contract.bid();
        double price = props.roundToTick(quote + side.sign() * rules.slippageTicks() * props.tickSize());
        // A sell slipped below zero still trades at one tick: premiums are never negative.
        return Math.max(price, props.tickSize());
    }

    private void refuseIlliquid(OptionContract contract, Order order) throws OrderRefusedException {
        String refused = "refused " + order.orderId() + " on " + contract.symbol() + ": ";
        if (!(contract.bid() > 0) || !(contract.ask() > 0) || contract.ask() < contract.bid()) {
            throw new OrderRefusedException(refused + "not quoted on both sides (bid " + contract.bid() + ", ask "
                    + contract.ask() + ")");
        }
        double spreadFraction = (contract.ask() - contract.bid()) / contract.mid();
        if (spreadFraction > rules.maxSpreadFraction()) {
            throw new OrderRefusedException(refused + String.format(java.util.Locale.ROOT,
                    "spread %.4f-%.4f is %.1f%% of the mid, over the %.1f%% limit", contract.bid(), contract.ask(),
                    spreadFraction * 100, rules.maxSpreadFraction() * 100));
        }
        if (contract.openInterest() < rules.minOpenInterest()) {
            throw new OrderRefusedException(refused + "open interest " + contract.openInterest() + " is under the "
                    + rules.minOpenInterest() + " minimum");
        }
    }

    private static OccSymbol occ(String instrument) throws OrderRefusedException {
        try {
            return OccSymbol.parse(instrument);
        } catch (IllegalArgumentException e) {
            throw new OrderRefusedException("instrument " + instrument + " is not an OCC option symbol: " + e.getMessage());
        }
    }

    private static OptionContract contract(OptionChain chain, OccSymbol symbol, Order order) throws OrderRefusedException {
        return chain.contracts().stream()
                .filter(c -> c.symbol().equals(symbol))
                .findFirst()
                .orElseThrow(() -> new OrderRefusedException("refused " + order.orderId() + ": " + symbol
                        + " is not in the " + chain.underlying() + " chain as of " + chain.asOf()));
    }
}
