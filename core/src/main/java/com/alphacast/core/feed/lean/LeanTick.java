package com.alphacast.core.feed.lean;

/**
 * One trade print of a Lean equity tick file, prices already divided by 10,000.
 *
 * @param epochMillis time of the print (UTC epoch ms, converted from ms since midnight exchange time)
 * @param price       trade price
 * @param size        shares
 * @param exchange    Lean's exchange code ({@code P} Arca, {@code D} FINRA TRF, ...)
 * @param conditions  the sale-condition bitmask ({@link SaleConditionFilter})
 * @param suspicious  Lean's flag for a print that was not tradable
 * @param line        line in the CSV, for reports
 */
public record LeanTick(long epochMillis, double price, long size, String exchange, long conditions,
                       boolean suspicious, long line) {
}
