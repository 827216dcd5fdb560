package com.alphacast.core.strategy;

import com.alphacast.core.calendar.MarketCalendar;
import com.alphacast.core.options.OptionChain;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What every strategy configures the same way: its window ({@code window}), staleness limits
 * ({@code maxBarAgeSeconds}, {@code maxChainAgeSeconds}), size ({@code quantity}) and the calendar of its exchange.
 */
public record CommonParameters(MarketCalendar calendar, SessionWindow window, FreshnessGate gate, int quantity) {

    static CommonParameters read(StrategyParameters parameters, MarketCalendar calendar, String defaultWindow) {
        return new CommonParameters(calendar, parameters.window("window", defaultWindow),
                new FreshnessGate(parameters.seconds("maxBarAgeSeconds", 10, 3600),
                        parameters.seconds("maxChainAgeSeconds", 900, 86_400)),
                parameters.integer("quantity", 1, 1, 10_000));
    }

    /** Why the strategy must not look at this bar (outside its window, stale), or empty when it may. */
    public Optional<String> skipReason(StrategyContext context) {
        if (!window.contains(calendar, context.marketTimeMillis())) {
            return Optional.of("outside window " + window);
        }
        return gate.staleness(context);
    }

    /**
     * Whether the strategy may look at this bar: inside its window and fresh, as {@link #skipReason} decides, without
     * formatting a reason: strategies ask on every bar close and only need the answer.
     */
    public boolean admits(StrategyContext context) {
        return window.contains(calendar, context.marketTimeMillis()) && !gate.isStale(context);
    }

    /**
     * The chain a strategy that needs one trades on: empty when the bar may not be looked at ({@link #skipReason})
     * or the chain is missing or stale.
     */
    public Optional<OptionChain> chainToTrade(StrategyContext context) {
        return admits(context) ? gate.freshChain(context) : Optional.empty();
    }

    public LocalDate sessionDate(StrategyContext context) {
        return context.marketTime().atZone(calendar.exchange().zone()).toLocalDate();
    }
}
