package com.alphacast.core.settings;

import com.alphacast.core.book.DepthProtocol;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One instrument the worker follows: where its data comes from and how its analytics are tuned.
 *
 * @param symbol             feed symbol, as the sources name it (e.g. {@code BTCUSDT}, {@code ES})
 * @param instrument         tradable contract signals name (e.g. {@code ESU1}; the symbol for spot)
 * @param tickSize           minimum price increment
 * @param lotSize            the size one bar-volume unit stands for: sizes are counted in lots
 *                           ({@code round(size / lotSize)}) so fractional crypto sizes make whole volumes
 * @param sources            source names in priority order (first = primary)
 * @param depthProtocol      how depth diffs are sequenced (spot or USD-M futures rules)
 * @param badPrintWindow     prints in the bad-print filter's rolling median
 * @param badPrintBand       allowed relative distance from that median (0.01 = ±1%)
 * @param vpinBucketVolume   VPIN bucket size in lots
 * @param vpinWindow         buckets in the VPIN window
 * @param volatilityBars     bar returns in the realized-volatility window
 * @param periodsPerYear     bars per year, to annualize volatility
 * @param regimeLow          annualized volatility below which the regime is LOW
 * @param regimeHigh         annualized volatility above which the regime is HIGH
 * @param hasOptionChain     whether chain analytics (GEX/DEX, walls, unusual activity) are kept for this underlying
 *                           (always with a {@code chain} source)
 * @param chain              where the live worker polls the instrument's option chain, if anywhere
 */
public record InstrumentSettings(String symbol, String instrument, double tickSize, double lotSize,
                                 List<String> sources, DepthProtocol depthProtocol, int badPrintWindow,
                                 double badPrintBand, double vpinBucketVolume, int vpinWindow, int volatilityBars,
                                 double periodsPerYear, double regimeLow, double regimeHigh, boolean hasOptionChain,
                                 Optional<ChainSourceSettings> chain) {

    public InstrumentSettings {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(depthProtocol, "depthProtocol");
        Objects.requireNonNull(chain, "chain");
        sources = List.copyOf(sources);
        if (chain.isPresent() && !hasOptionChain) {
            throw new IllegalArgumentException("instrument " + symbol + " polls a chain but keeps no chain analytics");
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("instrument " + symbol + " needs at least one source");
        }
        if (!(regimeLow < regimeHigh)) {
            throw new IllegalArgumentException("instrument " + symbol + ": regimeLow " + regimeLow
                    + " must be below regimeHigh " + regimeHigh);
        }
    }

    /** An instrument without a chain source (replays, tests, instruments that take no chain). */
    public InstrumentSettings(String symbol, String instrument, double tickSize, double lotSize, List<String> sources,
                              DepthProtocol depthProtocol, int badPrintWindow, double badPrintBand,
                              double vpinBucketVolume, int vpinWindow, int volatilityBars, double periodsPerYear,
                              double regimeLow, double regimeHigh, boolean hasOptionChain) {
        this(symbol, instrument, tickSize, lotSize, sources, depthProtocol, badPrintWindow, badPrintBand,
                vpinBucketVolume, vpinWindow, volatilityBars, periodsPerYear, regimeLow, regimeHigh, hasOptionChain,
                Optional.empty());
    }

    /** The same instrument polling its chain from {@code source} (chain analytics on). */
    public InstrumentSettings withChain(ChainSourceSettings source) {
        return new InstrumentSettings(symbol, instrument, tickSize, lotSize, sources, depthProtocol, badPrintWindow,
                badPrintBand, vpinBucketVolume, vpinWindow, volatilityBars, periodsPerYear, regimeLow, regimeHigh,
                true, Optional.of(source));
    }

    /** The market settings a per-instrument strategy needs, with the profile's trading session. */
    public MarketSettings market(MarketSettings profileMarket, double contractMultiplier) {
        return new MarketSettings(symbol, instrument, tickSize, contractMultiplier, profileMarket.session());
    }
}
