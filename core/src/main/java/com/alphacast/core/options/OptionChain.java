package com.alphacast.core.options;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A snapshot of an option chain: the underlying's spot and the as-of date the snapshot belongs to. Contracts whose
 * expiry is before the as-of date are kept (real exports contain them) and reported by {@link #isExpired}.
 *
 * @param underlying  underlying name or symbol as the source gives it
 * @param spot        underlying price of the snapshot
 * @param asOf        as-of date (the trading date of the snapshot)
 * @param asOfTime    as-of timestamp if the source gives one, else null
 * @param contracts   every contract, calls and puts
 */
public record OptionChain(String underlying, double spot, LocalDate asOf, ZonedDateTime asOfTime,
                          List<OptionContract> contracts) {

    public OptionChain {
        Objects.requireNonNull(underlying, "underlying");
        Objects.requireNonNull(asOf, "asOf");
        if (!(spot > 0) || Double.isInfinite(spot)) {
            throw new IllegalArgumentException("spot must be positive and finite, was " + spot);
        }
        contracts = List.copyOf(contracts);
    }

    public boolean isExpired(OptionContract contract) {
        return contract.expiry().isBefore(asOf);
    }

    public long expiredContracts() {
        return contracts.stream().filter(this::isExpired).count();
    }

    /** The same chain with another spot (what-if, or a spot override from the command line). */
    public OptionChain withSpot(double newSpot) {
        return new OptionChain(underlying, newSpot, asOf, asOfTime, contracts);
    }

    /** The same chain as of another date. */
    public OptionChain withAsOf(LocalDate date) {
        return new OptionChain(underlying, spot, date, date.equals(asOf) ? asOfTime : null, contracts);
    }
}
