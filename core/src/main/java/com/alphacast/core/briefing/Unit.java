package com.alphacast.core.briefing;

/** What a numeric fact measures, and the suffix it is displayed with. */
public enum Unit {
    /** A price of the instrument (index points for futures, USD for ETFs), shown bare: "668.50". */
    PRICE(""),
    /** A price difference in the instrument's points. */
    POINTS("pts"),
    /** A percentage, already multiplied by 100: 1.25 means 1.25%. */
    PERCENT("%"),
    /** A dimensionless ratio (volume against its baseline, put/call ratio). */
    RATIO("x"),
    /** A plain count (signals, events, contracts). */
    COUNT(""),
    /** Billions of US dollars of gamma exposure per 1% move of the underlying. */
    USD_BN_PER_1PCT("bn USD per 1% move"),
    /** Billions of US dollars of delta exposure. */
    USD_BN("bn USD"),
    /** A volume in contracts or shares. */
    VOLUME("");

    private final String suffix;

    Unit(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }
}
