package com.alphacast.core.strategy;

import com.alphacast.core.calendar.MarketCalendar;
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

    /**
     * Whether the strategy must not look at this bar (outside its window, stale), as {@link #skipReason} decides,
     * without formatting the reason: strategies ask on every bar close and only need the answer.
     */
    public boolean skips(StrategyContext context) {
        return !window.contains(calendar, context.marketTime()) || gate.isStale(context);
    }

    /** Why the strategy must not look at this bar (outside its window, stale), or empty when it may. */
    public Optional<String> skipReason(StrategyContext context) {
        if (!window.contains(calendar, context.marketTime())) {
            return Optional.of("outside window " + window);
        }
        return gate.staleness(context);
    }

    public LocalDate sessionDate(StrategyContext context) {
        return context.marketTime().atZone(calendar.exchange().zone()).toLocalDate();
    }
}
