package com.alphacast.core.strategy;

import com.alphacast.core.options.OptionChain;
import com.alphacast.core.options.OptionContract;
import com.alphacast.core.options.OptionRight;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Optional;

/**
 * Picks the contract an options strategy names, refusing illiquid ones: a two-sided quote whose spread is at most
 * {@code maxSpreadFraction} of the mid, and at least {@code minOpenInterest} open interest.
 */
public record LiquidContracts(double maxSpreadFraction, long minOpenInterest) {

    public LiquidContracts {
        if (!(maxSpreadFraction > 0) || minOpenInterest < 0) {
            throw new IllegalArgumentException("liquidity limits must be positive, were spread " + maxSpreadFraction
                    + " and open interest " + minOpenInterest);
        }
    }

    static LiquidContracts from(StrategyParameters parameters) {
        return new LiquidContracts(parameters.decimal("maxSpreadFraction", 0.10, 0.001, 1),
                parameters.integer("minOpenInterest", 100, 0, Integer.MAX_VALUE));
    }

    public boolean isLiquid(OptionContract contract) {
        double mid = contract.mid();
        return contract.bid() > 0 && contract.ask() >= contract.bid() && mid > 0
                && (contract.ask() - contract.bid()) / mid <= maxSpreadFraction
                && contract.openInterest() >= minOpenInterest;
    }

    /**
     * The liquid contract of {@code right} whose expiry is {@code minDays..maxDays} calendar days after
     * {@code sessionDate} (nearest expiry first) and whose strike is closest to {@code strike}.
     */
    public Optional<OptionContract> nearest(OptionChain chain, LocalDate sessionDate, int minDays, int maxDays,
                                            OptionRight right, double strike) {
        return chain.contracts().stream()
                .filter(c -> c.right() == right)
                .filter(c -> {
                    long days = ChronoUnit.DAYS.between(sessionDate, c.expiry());
                    return days >= minDays && days <= maxDays;
                })
                .filter(this::isLiquid)
                .min(Comparator.comparing(OptionContract::expiry)
                        .thenComparingDouble(c -> Math.abs(c.strike() - strike))
                        .thenComparingDouble(OptionContract::strike));
    }
}
