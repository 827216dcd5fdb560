package com.alphacast.core.options.activity;

import com.alphacast.core.options.OptionChain;
import com.alphacast.core.options.OptionContract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Unusual options activity per docs/analytics-conventions.md ("Options: unusual activity"): a contract is unusual
 * when its session volume relative to open interest is above a threshold (the seed's default: volume &gt; OI, i.e.
 * ratio &gt; 1). Open interest is yesterday's settled figure, so volume above it means positions are being opened
 * faster than they existed. A minimum volume keeps one-lot prints in illiquid strikes out; contracts with zero OI and
 * volume at or above the minimum count as ratio ∞. Expired contracts are ignored.
 *
 * @param minRatio  volume / OI must exceed this (1.0 by default)
 * @param minVolume contracts traded at least this many times (default 1)
 */
public record UnusualOptionsActivity(double minRatio, long minVolume) {

    public static final UnusualOptionsActivity DEFAULT = new UnusualOptionsActivity(1.0, 1);

    public UnusualOptionsActivity {
        if (!(minRatio >= 0) || Double.isInfinite(minRatio)) {
            throw new IllegalArgumentException("minimum ratio must be finite and >= 0, was " + minRatio);
        }
        if (minVolume < 0) {
            throw new IllegalArgumentException("minimum volume must be >= 0, was " + minVolume);
        }
    }

    /** Unusual contracts, highest volume/OI first (then highest volume). */
    public List<UnusualContract> scan(OptionChain chain) {
        List<UnusualContract> out = new ArrayList<>();
        for (OptionContract c : chain.contracts()) {
            if (chain.isExpired(c) || c.volume() < minVolume || c.volume() == 0) {
                continue;
            }
            double ratio = c.openInterest() == 0 ? Double.POSITIVE_INFINITY : (double) c.volume() / c.openInterest();
            if (ratio > minRatio) {
                double premium = c.mid();
                out.add(new UnusualContract(c, ratio, Double.isNaN(premium) ? Double.NaN
                        : premium * c.volume() * 100));
            }
        }
        out.sort(Comparator.comparingDouble((UnusualContract u) -> -u.volumeToOpenInterest())
                .thenComparingLong(u -> -u.contract().volume()));
        return out;
    }

    /**
     * @param contract             the contract
     * @param volumeToOpenInterest volume / OI (∞ when OI = 0)
     * @param premiumTraded        volume × mid × 100, an estimate of the premium that changed hands (NaN unquoted)
     */
    public record UnusualContract(OptionContract contract, double volumeToOpenInterest, double premiumTraded) {
    }
}
