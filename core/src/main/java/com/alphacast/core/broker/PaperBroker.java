package com.alphacast.core.broker;

import com.alphacast.core.market.MarketSnapshot;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.Fill;
import com.alphacast.core.trading.Order;

/**
 * Fills market orders against the replayed (or live) market: at the last price of the snapshot that was
 * current when the signal fired, moved {@code slippageTicks} against the trader. Deterministic for a given
 * market history, so replays give identical fills. With no snapshot at or before the signal (the worker writes a
 * bar's snapshot before its signals, so none will come) it refuses the order for good.
 */
public final class PaperBroker implements Broker {

    private final MarketPrices prices;
    private final double tickSize;
    private final int slippageTicks;

    public PaperBroker(MarketPrices prices, double tickSize, int slippageTicks) {
        this.prices = prices;
        this.tickSize = tickSize;
        this.slippageTicks = slippageTicks;
    }

    @Override
    public String name() {
        return "paper";
    }

    @Override
    public Fill submit(Order order, Signal signal) throws BrokerException {
        MarketSnapshot market = prices.atOrBefore(signal.underlying(), signal.marketTime())
                .orElseThrow(() -> new OrderRefusedException("no market snapshot for " + signal.underlying()
                        + " at or before " + signal.marketTime() + "; cannot fill " + order.orderId()));
        double price = market.lastPrice() + order.side().sign() * slippageTicks * tickSize;
        return new Fill(order.orderId(), order.signalId(), order.instrument(), order.side(), order.quantity(), price,
                market.bar().end());
    }
}
