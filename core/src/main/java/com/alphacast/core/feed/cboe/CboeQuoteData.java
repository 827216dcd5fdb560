package com.alphacast.core.feed.cboe;

import com.alphacast.core.options.OptionChain;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * A parsed CBOE delayed-quotes {@code quotedata.csv} export.
 *
 * @param name             the underlying's name from line 1 (e.g. "SPDR S&P 500 ETF Trust")
 * @param asOfTime         the export time from line 2, in its exchange time zone
 * @param chain            the chain: spot from "Last:", as-of date from line 2, every call and put
 * @param rows             data rows (one per strike and expiry)
 * @param expiredExpiries  expiries before the as-of date that the export still contains
 */
public record CboeQuoteData(String name, ZonedDateTime asOfTime, OptionChain chain, int rows,
                           Set<LocalDate> expiredExpiries) {
}
