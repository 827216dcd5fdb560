package com.alphacast.core.feed.cboe;

import com.alphacast.core.options.OptionChain;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

/**
 * A parsed CBOE delayed-quotes {@code quotedata.csv} export.
 *
 * @param name             the underlying's name from line 1 (e.g. "SPDR S&P 500 ETF Trust")
 * @param asOfTime         the export time from line 2, in its exchange time zone
 * @param chain            the chain: spot from "Last:", as-of date from line 2, every call and put
 * @param rows             data rows (one per strike and expiry)
 * @param expiredExpiries  expiries before the as-of date that the export still contains
 * @param missingGreeks    greek columns the export lacks, e.g. "Gamma (calls)"; calculations use Black–Scholes from
 *                         IV for them (empty for a full export)
 */
public record CboeQuoteData(String name, ZonedDateTime asOfTime, OptionChain chain, int rows,
                           Set<LocalDate> expiredExpiries, List<String> missingGreeks) {

    public CboeQuoteData {
        missingGreeks = List.copyOf(missingGreeks);
    }

    /** Whether the export carries its own Delta and Gamma in both blocks. */
    public boolean hasChainGreeks() {
        return missingGreeks.isEmpty();
    }
}
