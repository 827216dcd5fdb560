package com.alphacast.core.strategy;

import com.alphacast.core.calendar.MarketCalendar;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.options.OptionContract;
import com.alphacast.core.options.activity.UnusualOptionsActivity;
import com.alphacast.core.options.activity.UnusualOptionsActivity.UnusualContract;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.text.DecimalText;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * 14DTE unusual options activity: follow institutional flow in the two-week expiries. In the window (default
 * {@code open+60m..close-15m}) with a fresh chain:
 * <ol>
 *   <li>unusual contracts are those expiring {@code minDays..maxDays} (7..21) calendar days out whose volume is at
 *       least {@code minVolume} and above {@code minVolumeToOpenInterest} × open interest;</li>
 *   <li>a contract's flow is <em>institutional</em> when its traded premium (volume × mid × 100) is at least
 *       {@code institutionalPremium} USD, retail otherwise (the chain has no trade sizes, so premium is the size
 *       proxy);</li>
 *   <li>bias = (institutional call premium − put premium) / their sum; it must reach {@code minBias} in absolute
 *       value and the institutional share of unusual premium must reach {@code minInstitutionalShare};</li>
 *   <li>the trade follows the bias (calls LONG, puts SHORT) on the largest liquid institutional contract of that
 *       side; stop {@code stopFraction} of the price, target {@code rewardToRisk} × the stop.</li>
 * </ol>
 * Factors: {@code flow-bias} |bias| (0.40), {@code institutional-share} (0.30), {@code institutional-premium} USD /
 * (5 × threshold) (0.30).
 */
public final class UnusualFlowStrategy implements Strategy {

    public static final String NAME = "14dte-flow";

    private final CommonParameters common;
    private final LiquidContracts liquidity;
    private final UnusualOptionsActivity activity;
    private final ExpiryDays expiry;
    private final double institutionalPremium;
    private final double minBias;
    private final double minInstitutionalShare;
    private final FixedStop levels;

    public UnusualFlowStrategy(MarketCalendar calendar, StrategyParameters parameters) {
        common = CommonParameters.read(parameters, calendar, "open+60m..close-15m");
        liquidity = LiquidContracts.from(parameters);
        activity = new UnusualOptionsActivity(parameters.decimal("minVolumeToOpenInterest", 1, 0, 1000),
                parameters.integer("minVolume", 100, 1, Integer.MAX_VALUE));
        expiry = ExpiryDays.read(parameters, NAME, new ExpiryDays(7, 21), 0, 365);
        institutionalPremium = parameters.decimal("institutionalPremium", 1_000_000, 1, 1e12);
        minBias = parameters.decimal("minBias", 0.3, 0, 1);
        minInstitutionalShare = parameters.decimal("minInstitutionalShare", 0.5, 0, 1);
        levels = FixedStop.read(parameters, 0.005);
        parameters.requireAllRead();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Candidate> evaluate(StrategyContext context) {
        Optional<OptionChain> chain = common.chainToTrade(context);
        if (chain.isEmpty()) {
            return Optional.empty();
        }
        LocalDate session = common.sessionDate(context);
        double callPremium = 0;
        double putPremium = 0;
        double retailPremium = 0;
        UnusualContract largestCall = null;
        UnusualContract largestPut = null;
        for (UnusualContract unusual : activity.scan(chain.get())) {
            long days = ChronoUnit.DAYS.between(session, unusual.contract().expiry());
            double premium = unusual.premiumTraded();
            if (!expiry.contains(days) || !(premium > 0)) {
                continue;
            }
            if (premium < institutionalPremium) {
                retailPremium += premium;
            } else if (unusual.contract().isCall()) {
                callPremium += premium;
                largestCall = largerLiquid(largestCall, unusual);
            } else {
                putPremium += premium;
                largestPut = largerLiquid(largestPut, unusual);
            }
        }
        double institutional = callPremium + putPremium;
        if (institutional == 0) {
            return Optional.empty();
        }
        double bias = (callPremium - putPremium) / institutional;
        double share = institutional / (institutional + retailPremium);
        if (Math.abs(bias) < minBias || share < minInstitutionalShare) {
            return Optional.empty();
        }
        Direction direction = bias > 0 ? Direction.LONG : Direction.SHORT;
        UnusualContract chosen = direction == Direction.LONG ? largestCall : largestPut;
        if (chosen == null) {
            return Optional.empty(); // the flow is there but no contract of that side is liquid enough to trade
        }
        double entry = context.view().lastBar().close();
        Rationale rationale = new Rationale(List.of(
                Factor.scored("flow-bias", bias, 0.40, Math.abs(bias)),
                Factor.scored("institutional-share", share, 0.30, share),
                Factor.scored("institutional-premium", institutional, 0.30,
                        institutional / (5 * institutionalPremium))));
        StringBuilder summary = new StringBuilder(96).append("institutional ")
                .append(direction == Direction.LONG ? "call" : "put").append(" flow: calls $");
        DecimalText.groupedFixed(summary, callPremium, 0).append(" vs puts $");
        DecimalText.groupedFixed(summary, putPremium, 0).append(" (");
        DecimalText.fixed(summary, share * 100, 0).append("% of unusual premium)");
        return Optional.of(Candidates.of(NAME, context, direction, entry, levels.stop(entry, direction),
                levels.target(entry, direction), common.quantity(), summary, rationale,
                Optional.of(chosen.contract())));
    }

    private UnusualContract largerLiquid(UnusualContract current, UnusualContract candidate) {
        OptionContract contract = candidate.contract();
        if (!liquidity.isLiquid(contract)) {
            return current;
        }
        return current == null || candidate.premiumTraded() > current.premiumTraded() ? candidate : current;
    }
}
