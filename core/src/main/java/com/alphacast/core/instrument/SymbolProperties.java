package com.alphacast.core.instrument;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How one instrument is quoted and sized (a row of Lean's symbol-properties database).
 *
 * @param market                market the row belongs to ({@code usa}, {@code cme}, {@code binance} ...)
 * @param symbol                the symbol, or {@code [*]} for the market-wide default of a type
 * @param type                  security type
 * @param description           free text, possibly empty
 * @param quoteCurrency         currency prices are quoted in
 * @param contractMultiplier    currency per point per contract (ES 50, an equity option 100)
 * @param minimumPriceVariation tick size in quote currency
 * @param lotSize               smallest tradable quantity step
 */
public record SymbolProperties(String market, String symbol, SecurityType type, String description,
                               String quoteCurrency, BigDecimal contractMultiplier, BigDecimal minimumPriceVariation,
                               BigDecimal lotSize) {

    public SymbolProperties {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quoteCurrency, "quoteCurrency");
        requirePositive(contractMultiplier, "contract multiplier", market, symbol);
        requirePositive(minimumPriceVariation, "minimum price variation", market, symbol);
        requirePositive(lotSize, "lot size", market, symbol);
    }

    public double multiplier() {
        return contractMultiplier.doubleValue();
    }

    public double tickSize() {
        return minimumPriceVariation.doubleValue();
    }

    /** {@code price} on the nearest tick (half up), as the exchange would accept it. */
    public double roundToTick(double price) {
        if (!Double.isFinite(price)) {
            throw new IllegalArgumentException(symbol + ": cannot round a non-finite price " + price);
        }
        BigDecimal ticks = BigDecimal.valueOf(price).divide(minimumPriceVariation, 0, RoundingMode.HALF_UP);
        return ticks.multiply(minimumPriceVariation).doubleValue();
    }

    /** Currency profit (negative: loss) of {@code quantity} contracts moving {@code points} in their favour. */
    public double profit(double points, int quantity) {
        return points * quantity * multiplier();
    }

    /**
     * Whole contracts whose loss to the stop stays within {@code riskBudget}: floor(budget / (points × multiplier)),
     * 0 when even one contract is over budget.
     */
    public int contractsWithinRisk(double riskBudget, double stopDistancePoints) {
        if (!(riskBudget >= 0) || !(stopDistancePoints > 0) || Double.isInfinite(stopDistancePoints)) {
            throw new IllegalArgumentException(symbol + ": risk budget must be >= 0 and stop distance positive, was "
                    + riskBudget + " and " + stopDistancePoints);
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.floor(riskBudget / (stopDistancePoints * multiplier())));
    }

    private static void requirePositive(BigDecimal value, String name, String market, String symbol) {
        if (value == null || value.signum() <= 0) {
            throw new IllegalArgumentException(market + "," + symbol + ": " + name + " must be positive, was " + value);
        }
    }
}
