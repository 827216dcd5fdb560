package com.alphacast.core.feed.lean;

import java.util.ArrayList;
import java.util.List;

/**
 * Which trade prints may set a bar's price, from the sale-condition bitmask of Lean's equity ticks (Lean's
 * {@code TradeConditionFlags}, written as hexadecimal text: {@code 1} regular, {@code 20000020} trade-through
 * exempt + intermarket sweep, {@code 20100200} trade-through exempt + average price + derivatively priced).
 *
 * <p>The rule follows the CTA/UTP last-sale eligibility of each condition, which is also why Lean's own bars leave
 * these prints out: a print is dropped when Lean flagged it suspicious or when it carries any condition whose price
 * is not the market's price at that moment:
 * <ul>
 *   <li>{@code AveragePrice} (CTA B, UTP W) and {@code DerivativelyPriced} (CTA/UTP 4): block and VWAP-style
 *       prints reported off exchange (on 7 Oct 2013 a 1,002,411-share average-price print at 168.90 when SPY traded
 *       at most 168.45);</li>
 *   <li>{@code PriorReferencePrice} (P), {@code OutOfSequence} (Z) and {@code Sold} (sold last, L): the price
 *       belongs to an earlier time;</li>
 *   <li>{@code Cash} (C), {@code NextDay} (N), {@code Seller} (R): non-regular settlement, priced accordingly;</li>
 *   <li>{@code StockOption} (V): the equity leg of an options trade, priced with the options;</li>
 *   <li>{@code OfficialOpen}/{@code OfficialClose}: a market centre's official price, repeating prints already on
 *       the tape;</li>
 *   <li>{@code OddLot} (I): odd lots do not update the last sale.</li>
 * </ul>
 * Kept: regular, extended-hours and Form T, intermarket sweeps, opening/closing/reopening prints, crosses,
 * trade-through exempt, yellow flag, auto-execution and the rest. Lean also drops FINRA prints above unpublished
 * price and volume thresholds; this filter has no such rule, so on 7 Oct 2013 one 999,789-share FINRA print at
 * 168.90 after the close (16:35, extended hours, no average-price flag) stays in; strategies trade only inside the
 * regular session, and the worker's bad-print filter judges every print after this one. A dropped print is left out whole (its volume
 * too: the replay counts it instead, so the dropped volume is reported rather than hidden).
 */
public final class SaleConditionFilter {

    public static final long CASH = 1L << 1;
    public static final long NEXT_DAY = 1L << 2;
    public static final long SELLER = 1L << 3;
    public static final long DERIVATIVELY_PRICED = 1L << 9;
    public static final long SOLD = 1L << 11;
    public static final long OUT_OF_SEQUENCE = 1L << 14;
    public static final long STOCK_OPTION = 1L << 18;
    public static final long AVERAGE_PRICE = 1L << 20;
    public static final long OFFICIAL_CLOSE = 1L << 24;
    public static final long PRIOR_REFERENCE_PRICE = 1L << 25;
    public static final long OFFICIAL_OPEN = 1L << 26;
    public static final long ODD_LOT = 1L << 31;

    /** Every condition that takes a print out of the bars. */
    public static final long DROPPED = CASH | NEXT_DAY | SELLER | DERIVATIVELY_PRICED | SOLD | OUT_OF_SEQUENCE
            | STOCK_OPTION | AVERAGE_PRICE | OFFICIAL_CLOSE | PRIOR_REFERENCE_PRICE | OFFICIAL_OPEN | ODD_LOT;

    /** Why {@code tick} is left out of the bars, or null when its price counts. */
    public String dropReason(LeanTick tick) {
        if (tick.suspicious()) {
            return "suspicious";
        }
        long dropped = tick.conditions() & DROPPED;
        return dropped == 0 ? null : "sale condition " + names(dropped);
    }

    public boolean eligible(LeanTick tick) {
        return !tick.suspicious() && (tick.conditions() & DROPPED) == 0;
    }

    static String names(long flags) {
        List<String> names = new ArrayList<>();
        if ((flags & CASH) != 0) {
            names.add("cash");
        }
        if ((flags & NEXT_DAY) != 0) {
            names.add("next-day");
        }
        if ((flags & SELLER) != 0) {
            names.add("seller");
        }
        if ((flags & DERIVATIVELY_PRICED) != 0) {
            names.add("derivatively-priced");
        }
        if ((flags & SOLD) != 0) {
            names.add("sold-last");
        }
        if ((flags & OUT_OF_SEQUENCE) != 0) {
            names.add("out-of-sequence");
        }
        if ((flags & STOCK_OPTION) != 0) {
            names.add("stock-option");
        }
        if ((flags & AVERAGE_PRICE) != 0) {
            names.add("average-price");
        }
        if ((flags & OFFICIAL_CLOSE) != 0) {
            names.add("official-close");
        }
        if ((flags & PRIOR_REFERENCE_PRICE) != 0) {
            names.add("prior-reference-price");
        }
        if ((flags & OFFICIAL_OPEN) != 0) {
            names.add("official-open");
        }
        if ((flags & ODD_LOT) != 0) {
            names.add("odd-lot");
        }
        return String.join("+", names);
    }
}
