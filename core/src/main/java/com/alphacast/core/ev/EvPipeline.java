package com.alphacast.core.ev;

import com.alphacast.core.options.BlackScholes;
import com.alphacast.core.options.ExpiryTime;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.options.OptionContract;
import com.alphacast.core.options.OptionRight;
import com.alphacast.core.stats.Normal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The options EV pipeline (docs/analytics-conventions.md, "Options: EV pipeline"): hierarchical stages that filter,
 * enrich and sort strikes, their order taken from {@link EvPipelineConfig#stages()}. The candidate is buying one
 * contract at the ask and holding it to expiry.
 *
 * <h2>Stages</h2>
 * <ul>
 *   <li>{@code liquidity-filter}: OI ≥ minOpenInterest, volume ≥ minVolume, a two-sided quote with
 *       {@code (ask − bid)/mid ≤ maxSpreadFraction}; expired contracts and contracts without IV are dropped.</li>
 *   <li>{@code moneyness-filter}: {@code |K − S| / S ≤ maxDistanceFraction}.</li>
 *   <li>{@code risk-analysis}: {@code riskScore = 100 × (0.35·s_OI + 0.25·s_vol + 0.25·s_PCR + 0.15·s_dist)}
 *       (weights configurable), each factor in [0, 1]: s_OI and s_vol are the percentile rank of the contract's open
 *       interest and volume among the candidates; s_PCR is the share of the strike's open interest (same expiry) on
 *       the candidate's side, {@code callOI/(callOI+putOI)} for a call and {@code putOI/(callOI+putOI)} for a put,
 *       i.e. how far the put/call ratio at that strike agrees with the trade; {@code s_dist = 1 − |K − S| /
 *       (S × maxDistanceFraction)} clipped to [0, 1].</li>
 *   <li>{@code expected-value}: with S_T lognormal, volatility σ (the context's forecast, else the contract's IV),
 *       drift r (default 0), premium P (ask):
 *       <pre>
 *   EV = E[payoff(S_T)] − P = BS(S, K, T, σ, r) × e^{rT} − P          (option price points per share)
 *   probability (call) = P(S_T &gt; K + P) = N(d2(K + P))
 *   probability (put)  = P(S_T &lt; K − P) = N(−d2(K − P)),  d2(X) = (ln(S/X) + (r − σ²/2)T) / (σ√T)
 *       </pre>
 *       With σ equal to the contract's own IV the EV is just minus the half-spread: an edge needs a volatility
 *       forecast different from the market's, which is why the forecast is an input.</li>
 *   <li>{@code quality-filter}: EV ≥ minExpectedValue (15 points) and probability ≥ minProbability (60%).</li>
 *   <li>{@code sort}: EV descending, then risk score descending.</li>
 * </ul>
 * A stage that needs an enrichment that has not run (e.g. the quality filter before expected-value) fails loudly.
 */
public final class EvPipeline {

    public static final List<String> STAGE_NAMES = List.of("liquidity-filter", "moneyness-filter", "risk-analysis",
            "expected-value", "quality-filter", "sort");

    private final EvPipelineConfig config;
    private final List<EvStage> stages;

    public EvPipeline(EvPipelineConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        Map<String, EvStage> known = new HashMap<>();
        for (EvStage s : List.of(new LiquidityFilter(), new MoneynessFilter(), new RiskAnalysis(),
                new ExpectedValue(), new QualityFilter(), new Sort())) {
            known.put(s.name(), s);
        }
        List<EvStage> ordered = new ArrayList<>();
        for (String name : config.stages()) {
            EvStage stage = known.get(name);
            if (stage == null) {
                throw new IllegalArgumentException("unknown EV pipeline stage '" + name + "'; known: " + STAGE_NAMES);
            }
            ordered.add(stage);
        }
        this.stages = List.copyOf(ordered);
    }

    /** Runs every configured stage over every contract of the chain. */
    public List<EvCandidate> run(OptionChain chain, double forecastVolatility) {
        EvContext context = new EvContext(chain, forecastVolatility);
        List<EvCandidate> candidates = new ArrayList<>();
        for (OptionContract c : chain.contracts()) {
            double premium = c.ask() > 0 ? c.ask() : c.mid();
            candidates.add(new EvCandidate(c, ExpiryTime.years(chain.asOf(), c.expiry()), premium, Double.NaN,
                    Double.NaN, Double.NaN));
        }
        for (EvStage stage : stages) {
            candidates = stage.apply(candidates, context);
        }
        return candidates;
    }

    public EvPipelineConfig config() {
        return config;
    }

    private final class LiquidityFilter implements EvStage {
        @Override
        public String name() {
            return "liquidity-filter";
        }

        @Override
        public List<EvCandidate> apply(List<EvCandidate> in, EvContext ctx) {
            List<EvCandidate> out = new ArrayList<>();
            for (EvCandidate c : in) {
                OptionContract o = c.contract();
                if (ctx.chain().isExpired(o) || !(o.impliedVol() > 0) || o.openInterest() < config.minOpenInterest()
                        || o.volume() < config.minVolume() || !(o.bid() > 0) || !(o.ask() >= o.bid())) {
                    continue;
                }
                double mid = (o.bid() + o.ask()) / 2;
                if ((o.ask() - o.bid()) / mid <= config.maxSpreadFraction()) {
                    out.add(c);
                }
            }
            return out;
        }
    }

    private final class MoneynessFilter implements EvStage {
        @Override
        public String name() {
            return "moneyness-filter";
        }

        @Override
        public List<EvCandidate> apply(List<EvCandidate> in, EvContext ctx) {
            double spot = ctx.chain().spot();
            return in.stream()
                    .filter(c -> Math.abs(c.contract().strike() - spot) / spot <= config.maxDistanceFraction())
                    .toList();
        }
    }

    private final class RiskAnalysis implements EvStage {
        @Override
        public String name() {
            return "risk-analysis";
        }

        @Override
        public List<EvCandidate> apply(List<EvCandidate> in, EvContext ctx) {
            if (in.isEmpty()) {
                return in;
            }
            double[] oi = in.stream().mapToDouble(c -> c.contract().openInterest()).sorted().toArray();
            double[] vol = in.stream().mapToDouble(c -> c.contract().volume()).sorted().toArray();
            Map<String, long[]> strikeOi = new HashMap<>();
            for (OptionContract o : ctx.chain().contracts()) {
                long[] v = strikeOi.computeIfAbsent(key(o.expiry(), o.strike()), k -> new long[2]);
                v[o.isCall() ? 0 : 1] += o.openInterest();
            }
            double spot = ctx.chain().spot();
            List<EvCandidate> out = new ArrayList<>(in.size());
            for (EvCandidate c : in) {
                OptionContract o = c.contract();
                double sOi = rank(oi, o.openInterest());
                double sVol = rank(vol, o.volume());
                long[] both = strikeOi.get(key(o.expiry(), o.strike()));
                long total = both[0] + both[1];
                double sPcr = total == 0 ? 0.5 : (double) both[o.isCall() ? 0 : 1] / total;
                double sDist = Math.max(0, Math.min(1,
                        1 - Math.abs(o.strike() - spot) / (spot * config.maxDistanceFraction())));
                double score = 100 * (config.weightOpenInterest() * sOi + config.weightVolume() * sVol
                        + config.weightPutCallRatio() * sPcr + config.weightDistance() * sDist);
                out.add(c.withRiskScore(score));
            }
            return out;
        }

        /** Fraction of values strictly below x, plus half the ties: the mid-rank percentile in [0, 1]. */
        private double rank(double[] sorted, double x) {
            int below = lowerBound(sorted, x);
            int upTo = lowerBound(sorted, Math.nextUp(x));
            return sorted.length == 1 ? 1 : (below + (upTo - below - 1) / 2.0) / (sorted.length - 1);
        }

        private int lowerBound(double[] a, double x) {
            int i = Arrays.binarySearch(a, x);
            if (i < 0) {
                return -i - 1;
            }
            while (i > 0 && a[i - 1] == x) {
                i--;
            }
            return i;
        }

        private String key(LocalDate expiry, double strike) {
            return expiry + "|" + strike;
        }
    }

    private final class ExpectedValue implements EvStage {
        @Override
        public String name() {
            return "expected-value";
        }

        @Override
        public List<EvCandidate> apply(List<EvCandidate> in, EvContext ctx) {
            double spot = ctx.chain().spot();
            double r = config.rate();
            List<EvCandidate> out = new ArrayList<>(in.size());
            for (EvCandidate c : in) {
                OptionContract o = c.contract();
                double sigma = Double.isNaN(ctx.forecastVolatility()) ? o.impliedVol() : ctx.forecastVolatility();
                double t = c.yearsToExpiry();
                double p = c.premium();
                if (!(sigma > 0) || !(p > 0)) {
                    continue;
                }
                double expectedPayoff = BlackScholes.price(o.right(), spot, o.strike(), t, sigma, r, 0)
                        * Math.exp(r * t);
                double ev = expectedPayoff - p;
                double probability;
                if (o.right() == OptionRight.CALL) {
                    probability = Normal.cdf(d2(spot, o.strike() + p, t, sigma, r));
                } else {
                    double breakEven = o.strike() - p;
                    probability = breakEven <= 0 ? 0 : Normal.cdf(-d2(spot, breakEven, t, sigma, r));
                }
                out.add(c.withExpectation(probability, ev));
            }
            return out;
        }

        private double d2(double s, double x, double t, double sigma, double r) {
            return (Math.log(s / x) + (r - 0.5 * sigma * sigma) * t) / (sigma * Math.sqrt(t));
        }
    }

    private final class QualityFilter implements EvStage {
        @Override
        public String name() {
            return "quality-filter";
        }

        @Override
        public List<EvCandidate> apply(List<EvCandidate> in, EvContext ctx) {
            for (EvCandidate c : in) {
                if (Double.isNaN(c.expectedValue())) {
                    throw new IllegalStateException("quality-filter needs expected-value to run before it");
                }
            }
            return in.stream()
                    .filter(c -> c.expectedValue() >= config.minExpectedValue()
                            && c.probability() >= config.minProbability())
                    .toList();
        }
    }

    private static final class Sort implements EvStage {
        @Override
        public String name() {
            return "sort";
        }

        @Override
        public List<EvCandidate> apply(List<EvCandidate> in, EvContext ctx) {
            Comparator<EvCandidate> byEv = Comparator.comparingDouble(c -> Double.isNaN(c.expectedValue())
                    ? Double.NEGATIVE_INFINITY : c.expectedValue());
            Comparator<EvCandidate> byRisk = Comparator.comparingDouble(c -> Double.isNaN(c.riskScore())
                    ? Double.NEGATIVE_INFINITY : c.riskScore());
            List<EvCandidate> out = new ArrayList<>(in);
            out.sort(byEv.reversed().thenComparing(byRisk.reversed()));
            return out;
        }
    }
}
