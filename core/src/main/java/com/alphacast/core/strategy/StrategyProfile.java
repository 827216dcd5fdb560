package com.alphacast.core.strategy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A preset of strategies (config/strategy-profiles.yaml): which run, in which order of preference for
 * {@link ConflictResolver} (first wins ties), the conflict window, and each strategy's parameter overrides as
 * configured text (validated when {@link StrategyCatalog} builds them).
 *
 * @param name           e.g. {@code conservative}
 * @param source         where it was read from, for error messages ({@code config/strategy-profiles.yaml})
 * @param order          strategy names, most preferred first; only these run
 * @param conflictWindow how close in time two opposite signals must be to conflict
 * @param parameters     strategy name → parameter key → value
 */
public record StrategyProfile(String name, String source, List<String> order, Duration conflictWindow,
                              Map<String, Map<String, String>> parameters) {

    public StrategyProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        order = List.copyOf(order);
        if (order.isEmpty()) {
            throw new IllegalArgumentException(source + ": profile " + name + " must list at least one strategy");
        }
        if (order.stream().distinct().count() != order.size()) {
            throw new IllegalArgumentException(source + ": profile " + name + " lists a strategy twice: " + order);
        }
        if (conflictWindow == null || conflictWindow.isNegative()) {
            throw new IllegalArgumentException(source + ": profile " + name + " needs a non-negative conflict window");
        }
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        parameters.forEach((strategy, values) -> copy.put(strategy, Map.copyOf(values)));
        parameters = Map.copyOf(copy);
        for (String strategy : parameters.keySet()) {
            if (!order.contains(strategy)) {
                throw new IllegalArgumentException(source + ": profile " + name + " sets parameters of " + strategy
                        + ", which its order does not run");
            }
        }
    }

    /** The configured parameters of {@code strategy}, named by file, profile and strategy for error messages. */
    public StrategyParameters parametersOf(String strategy) {
        return new StrategyParameters(source + " profiles." + name + ".strategies." + strategy,
                parameters.getOrDefault(strategy, Map.of()));
    }

    public ConflictResolver conflictResolver() {
        return new ConflictResolver(conflictWindow, order);
    }
}
