package com.alphacast.core.strategy;

/**
 * The expiries an options strategy trades: {@code min..max} calendar days after the session date, read from its
 * {@code minDays} and {@code maxDays} parameters, which must not cross.
 */
record ExpiryDays(int min, int max) {

    /**
     * @param strategy the strategy's name, for the error when the range is empty
     * @param fallback the days when the parameters are not configured
     * @param lowest   the least either parameter may be
     * @param highest  the most either parameter may be
     */
    static ExpiryDays read(StrategyParameters parameters, String strategy, ExpiryDays fallback, int lowest,
                           int highest) {
        int min = parameters.integer("minDays", fallback.min(), lowest, highest);
        int max = parameters.integer("maxDays", fallback.max(), lowest, highest);
        if (min > max) {
            throw new IllegalArgumentException(strategy + ": minDays " + min + " must not exceed maxDays " + max);
        }
        return new ExpiryDays(min, max);
    }

    boolean contains(long days) {
        return days >= min && days <= max;
    }
}
