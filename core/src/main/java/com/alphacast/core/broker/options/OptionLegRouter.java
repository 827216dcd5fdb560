package com.alphacast.core.broker.options;

import com.alphacast.core.broker.Broker;
import com.alphacast.core.broker.BrokerException;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.Fill;
import com.alphacast.core.trading.Order;
import java.util.Objects;

/**
 * Sends the order of a signal with an option leg to the option paper broker (the contract, on the chain's quotes)
 * and every other order to the instrument's broker, so one order function trades both.
 */
public final class OptionLegRouter implements Broker {

    private final Broker instruments;
    private final OptionPaperBroker options;

    public OptionLegRouter(Broker instruments, OptionPaperBroker options) {
        this.instruments = Objects.requireNonNull(instruments, "instruments");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String name() {
        return instruments.name();
    }

    @Override
    public String nameFor(Signal signal) {
        return signal.option().isPresent() ? options.name() : instruments.nameFor(signal);
    }

    @Override
    public Fill submit(Order order, Signal signal) throws BrokerException {
        return signal.option().isPresent() ? options.submit(order, signal) : instruments.submit(order, signal);
    }
}
