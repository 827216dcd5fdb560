package com.alphacast.core.briefing;

import static com.alphacast.core.briefing.FactIds.*;

import com.alphacast.core.briefing.events.EconomicEvent;
import com.alphacast.core.briefing.events.EventCalendar;
import com.alphacast.core.calendar.MarketSession;
import com.alphacast.core.market.Bar;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.options.gex.GammaExposure;
import com.alphacast.core.options.gex.GexReport;
import com.alphacast.core.options.gex.StrikeExposure;
import com.alphacast.core.volatility.RealizedVolatility;
import com.alphacast.core.volatility.VolatilityRegime;
import com.alphacast.core.volatility.VolatilityRegimeClassifier;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Computes the facts of a briefing from plain inputs (docs/market-calendar-and-briefing-facts.md, "Facts"). Each
 * section is independent: a missing input makes that section's facts absent with the reason, never estimated.
 */
public final class BriefingFacts {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final double BILLION = 1e9;
    /** Labels carry no digits, so a model copying a label cites no number that is not a fact. */
    private static final List<String> RANKS = List.of("first", "second", "third", "fourth", "fifth", "sixth",
            "seventh", "eighth", "ninth", "tenth");

    private final BriefingFactsConfig config;

    public BriefingFacts(BriefingFactsConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public FactSheet compute(BriefingInputs in) {
        FactSheet.Builder sheet = new FactSheet.Builder(in.instrument(), in.session().date());
        session(sheet, in.session());
        priorSession(sheet, in);
        overnight(sheet, in);
        volatility(sheet, in.dailyCloses());
        vpin(sheet, in);
        volume(sheet, in);
        options(sheet, in);
        signals(sheet, in);
        events(sheet, in);
        return sheet.build();
    }

    private static void session(FactSheet.Builder sheet, MarketSession session) {
        sheet.add(new Fact.Note(SESSION_DATE, "Session", session.date().toString()));
        sheet.add(new Fact.ClockTime(SESSION_OPEN, "Opens", session.opens().atZone(NEW_YORK).toLocalTime(), NEW_YORK));
        sheet.add(new Fact.ClockTime(SESSION_CLOSE, "Closes", session.closes().atZone(NEW_YORK).toLocalTime(), NEW_YORK));
        session.earlyCloseReason().ifPresent(reason -> sheet.add(new Fact.Note(SESSION_EARLY_CLOSE, "Early close",
                holidayName(reason))));
    }

    private void priorSession(FactSheet.Builder sheet, BriefingInputs in) {
        MarketSession prior = in.priorSession();
        List<Bar> bars = in.priorSessionBars();
        List<String> ids = List.of(PRIOR_OPEN, PRIOR_HIGH, PRIOR_LOW, PRIOR_CLOSE, PRIOR_RANGE, PRIOR_VWAP, PRIOR_VOLUME);
        sheet.add(new Fact.Note(PRIOR_DATE, "Prior session", prior.date().toString()));
        if (bars.isEmpty()) {
            ids.forEach(id -> sheet.absent(id, "no bars of the prior session " + prior.date()));
            return;
        }
        long previousStart = Long.MIN_VALUE;
        for (Bar bar : bars) {
            if (bar.startMillis() < prior.opens().toEpochMilli() || bar.endMillis() > prior.closes().toEpochMilli()) {
                throw new IllegalArgumentException("bar " + bar.start() + ".." + bar.end() + " is outside the prior session "
                        + prior.date() + " (" + prior.opens() + ".." + prior.closes() + ")");
            }
            if (bar.startMillis() <= previousStart) {
                throw new IllegalArgumentException("prior session bars are not in time order at " + bar.start());
            }
            previousStart = bar.startMillis();
        }
        double high = bars.stream().mapToDouble(Bar::high).max().orElseThrow();
        double low = bars.stream().mapToDouble(Bar::low).min().orElseThrow();
        long volume = bars.stream().mapToLong(Bar::volume).sum();
        sheet.add(price(PRIOR_OPEN, "Prior open", bars.get(0).open()));
        sheet.add(price(PRIOR_HIGH, "Prior high", high));
        sheet.add(price(PRIOR_LOW, "Prior low", low));
        sheet.add(price(PRIOR_CLOSE, "Prior close", bars.get(bars.size() - 1).close()));
        sheet.add(new Fact.Quantity(PRIOR_RANGE, "Prior range", high - low, Unit.POINTS, config.pricePrecision()));
        if (volume > 0) {
            // Typical price (H+L+C)/3 weighted by volume: the bar-level VWAP, as close as bars allow.
            double weighted = bars.stream().mapToDouble(b -> (b.high() + b.low() + b.close()) / 3 * b.volume()).sum();
            sheet.add(price(PRIOR_VWAP, "Prior VWAP", weighted / volume));
        } else {
            sheet.absent(PRIOR_VWAP, "the prior session's bars have no volume");
        }
        sheet.add(new Fact.Quantity(PRIOR_VOLUME, "Prior volume", volume, Unit.VOLUME, 0));
    }

    private void overnight(FactSheet.Builder sheet, BriefingInputs in) {
        List<Bar> bars = in.overnightBars();
        if (bars.isEmpty()) {
            for (String id : List.of(OVERNIGHT_HIGH, OVERNIGHT_LOW, OVERNIGHT_RANGE, OVERNIGHT_LAST, GAP_POINTS, GAP_PERCENT)) {
                sheet.absent(id, "no bars since the prior session's close");
            }
            return;
        }
        double high = bars.stream().mapToDouble(Bar::high).max().orElseThrow();
        double low = bars.stream().mapToDouble(Bar::low).min().orElseThrow();
        double last = bars.get(bars.size() - 1).close();
        sheet.add(price(OVERNIGHT_HIGH, "Overnight high", high));
        sheet.add(price(OVERNIGHT_LOW, "Overnight low", low));
        sheet.add(new Fact.Quantity(OVERNIGHT_RANGE, "Overnight range", high - low, Unit.POINTS, config.pricePrecision()));
        sheet.add(price(OVERNIGHT_LAST, "Last", last));
        if (in.priorSessionBars().isEmpty()) {
            sheet.absent(GAP_POINTS, "no prior close to measure the gap against");
            sheet.absent(GAP_PERCENT, "no prior close to measure the gap against");
            return;
        }
        double priorClose = in.priorSessionBars().get(in.priorSessionBars().size() - 1).close();
        sheet.add(new Fact.Quantity(GAP_POINTS, "Gap", last - priorClose, Unit.POINTS, config.pricePrecision()));
        sheet.add(new Fact.Quantity(GAP_PERCENT, "Gap", (last - priorClose) / priorClose * 100, Unit.PERCENT, 2));
    }

    private void volatility(FactSheet.Builder sheet, List<Double> closes) {
        int needed = config.volatilityWindow() + 1;
        if (closes.size() < needed) {
            String reason = "realized volatility needs " + needed + " daily closes, got " + closes.size();
            sheet.absent(VOL_REALIZED, reason);
            sheet.absent(VOL_REGIME, reason);
            return;
        }
        RealizedVolatility realized = new RealizedVolatility(config.volatilityWindow(), 252);
        double vol = Double.NaN;
        for (double close : closes.subList(closes.size() - needed, closes.size())) {
            vol = realized.onClose(close);
        }
        VolatilityRegime regime = VolatilityRegimeClassifier.thresholds(config.lowVolatility(), config.highVolatility())
                .classify(vol);
        sheet.add(new Fact.Quantity(VOL_REALIZED, "Realized volatility (annualized)",
                vol * 100, Unit.PERCENT, 1));
        sheet.add(new Fact.Note(VOL_REGIME, "Volatility regime", regime.name().toLowerCase(Locale.ROOT)));
    }

    private static void vpin(FactSheet.Builder sheet, BriefingInputs in) {
        if (in.lastSessionVpin().isEmpty() && in.priorSessionBars().isEmpty()) {
            sheet.absent(VPIN_LAST, "no market snapshot of the prior session is stored");
            return;
        }
        if (in.lastSessionVpin().isEmpty() || Double.isNaN(in.lastSessionVpin().getAsDouble())) {
            sheet.absent(VPIN_LAST, "VPIN of the prior session is not available (fewer buckets than its window)");
            return;
        }
        double vpin = in.lastSessionVpin().getAsDouble();
        if (vpin < 0 || vpin > 1) {
            throw new IllegalArgumentException("VPIN must be in [0, 1], was " + vpin);
        }
        sheet.add(new Fact.Quantity(VPIN_LAST, "VPIN (prior session)", vpin, Unit.RATIO, 2));
    }

    private void volume(FactSheet.Builder sheet, BriefingInputs in) {
        int n = config.baselineSessions();
        List<Long> history = in.baselineVolumes();
        if (in.priorSessionBars().isEmpty()) {
            sheet.absent(VOLUME_BASELINE, "no bars of the prior session");
            sheet.absent(VOLUME_RATIO, "no bars of the prior session");
            return;
        }
        if (history.size() < n) {
            String reason = "the volume baseline needs " + n + " earlier sessions, got " + history.size();
            sheet.absent(VOLUME_BASELINE, reason);
            sheet.absent(VOLUME_RATIO, reason);
            return;
        }
        double baseline = history.subList(history.size() - n, history.size()).stream().mapToLong(Long::longValue)
                .average().orElseThrow();
        if (!(baseline > 0)) {
            sheet.absent(VOLUME_BASELINE, "the last " + n + " sessions traded no volume");
            sheet.absent(VOLUME_RATIO, "the last " + n + " sessions traded no volume");
            return;
        }
        long volume = in.priorSessionBars().stream().mapToLong(Bar::volume).sum();
        sheet.add(new Fact.Quantity(VOLUME_BASELINE, "Volume baseline (mean of earlier sessions)", baseline, Unit.VOLUME, 0));
        sheet.add(new Fact.Quantity(VOLUME_RATIO, "Volume vs baseline", volume / baseline, Unit.RATIO, 2));
    }

    private void options(FactSheet.Builder sheet, BriefingInputs in) {
        List<String> ids = new ArrayList<>(List.of(GEX_CHAIN_DATE, GEX_SPOT, GEX_CALL, GEX_PUT, GEX_NET, GEX_DEX,
                GEX_ZERO_GAMMA, GEX_CALL_WALL, GEX_PUT_WALL, GEX_PUT_CALL_RATIO));
        for (int rank = 1; rank <= config.topStrikes(); rank++) {
            ids.add(topStrike(rank));
        }
        if (in.chain().isEmpty()) {
            ids.forEach(id -> sheet.absent(id, "no option chain"));
            return;
        }
        OptionChain chain = in.chain().get();
        GexReport report = new GammaExposure(config.gex()).report(chain, config.topStrikes());
        if (report.totals().contracts() == 0) {
            ids.forEach(id -> sheet.absent(id, "the option chain of " + chain.asOf() + " has no live contracts"));
            return;
        }
        sheet.add(new Fact.Note(GEX_CHAIN_DATE, "Option chain as of", chain.asOf().toString()));
        sheet.add(price(GEX_SPOT, "Spot (option chain)", chain.spot()));
        sheet.add(billions(GEX_CALL, "Call GEX", report.totals().callGex(), Unit.USD_BN_PER_1PCT));
        sheet.add(billions(GEX_PUT, "Put GEX", report.totals().putGex(), Unit.USD_BN_PER_1PCT));
        sheet.add(billions(GEX_NET, "Net GEX", report.totals().netGex(), Unit.USD_BN_PER_1PCT));
        sheet.add(billions(GEX_DEX, "Net DEX", report.totals().netDex(), Unit.USD_BN));
        if (report.zeroGamma().level().isPresent()) {
            sheet.add(price(GEX_ZERO_GAMMA, "Zero gamma", report.zeroGamma().level().getAsDouble()));
        } else {
            sheet.absent(GEX_ZERO_GAMMA, report.zeroGamma().reason());
        }
        List<StrikeExposure> strikes = report.byStrike();
        strikes.stream().filter(s -> s.callGex() > 0).max(Comparator.comparingDouble(StrikeExposure::callGex))
                .ifPresentOrElse(s -> sheet.add(price(GEX_CALL_WALL, "Call wall", s.strike())),
                        () -> sheet.absent(GEX_CALL_WALL, "no strike has positive call GEX"));
        strikes.stream().filter(s -> s.putGex() < 0).min(Comparator.comparingDouble(StrikeExposure::putGex))
                .ifPresentOrElse(s -> sheet.add(price(GEX_PUT_WALL, "Put wall", s.strike())),
                        () -> sheet.absent(GEX_PUT_WALL, "no strike has negative put GEX"));
        List<StrikeExposure> top = report.topStrikes();
        for (int rank = 1; rank <= config.topStrikes(); rank++) {
            if (rank <= top.size()) {
                sheet.add(price(topStrike(rank), "Largest GEX strike, " + RANKS.get(rank - 1), top.get(rank - 1).strike()));
            } else {
                sheet.absent(topStrike(rank), "the chain has only " + top.size() + " strikes with exposure");
            }
        }
        long callOi = strikes.stream().mapToLong(StrikeExposure::callOpenInterest).sum();
        long putOi = strikes.stream().mapToLong(StrikeExposure::putOpenInterest).sum();
        if (callOi > 0) {
            sheet.add(new Fact.Quantity(GEX_PUT_CALL_RATIO, "Put/call ratio (open interest)", (double) putOi / callOi,
                    Unit.RATIO, 2));
        } else {
            sheet.absent(GEX_PUT_CALL_RATIO, "the chain has no call open interest");
        }
    }

    private void signals(FactSheet.Builder sheet, BriefingInputs in) {
        List<String> ids = List.of(SIGNALS_COUNT, SIGNALS_TARGETS, SIGNALS_STOPS, SIGNALS_OPEN, SIGNALS_NET_POINTS);
        if (in.priorSignals().isEmpty()) {
            ids.forEach(id -> sheet.absent(id, "the prior session's signals were not read"));
            return;
        }
        List<SignalOutcome> outcomes = in.priorSignals().get();
        sheet.add(count(SIGNALS_COUNT, "Signals (prior session)", outcomes.size()));
        sheet.add(count(SIGNALS_TARGETS, "Reached target", outcomes.stream()
                .filter(o -> o.result() == SignalOutcome.Result.TARGET_HIT).count()));
        sheet.add(count(SIGNALS_STOPS, "Stopped out", outcomes.stream()
                .filter(o -> o.result() == SignalOutcome.Result.STOPPED_OUT).count()));
        sheet.add(count(SIGNALS_OPEN, "Still open", outcomes.stream()
                .filter(o -> o.result() == SignalOutcome.Result.STILL_OPEN).count()));
        sheet.add(new Fact.Quantity(SIGNALS_NET_POINTS, "Net points", outcomes.stream()
                .mapToDouble(SignalOutcome::points).sum(), Unit.POINTS, config.pricePrecision()));
    }

    private static void events(FactSheet.Builder sheet, BriefingInputs in) {
        if (in.events().isEmpty()) {
            sheet.absent(EVENTS_COUNT, "no events file is configured");
            return;
        }
        EventCalendar calendar = in.events().get();
        if (!calendar.covers(in.session().date())) {
            sheet.absent(EVENTS_COUNT, "the events calendar covers up to " + calendar.coveredThrough() + " and "
                    + in.session().date() + " is after it: add that year's release dates");
            return;
        }
        List<EconomicEvent> today = calendar.events().stream()
                .filter(e -> e.at().withZoneSameInstant(NEW_YORK).toLocalDate().equals(in.session().date()))
                .sorted(Comparator.comparing(EconomicEvent::at)).toList();
        sheet.add(count(EVENTS_COUNT, "Scheduled events", today.size()));
        for (int i = 0; i < today.size(); i++) {
            EconomicEvent event = today.get(i);
            sheet.add(new Fact.Note(eventName(i + 1), "Event", event.name()));
            sheet.add(new Fact.ClockTime(eventTime(i + 1), event.name() + " at",
                    event.at().withZoneSameInstant(NEW_YORK).toLocalTime(), NEW_YORK));
        }
    }

    /** The holiday's name without the snapshot's "(markets close at 1:00pm)": the time is the session.close fact. */
    static String holidayName(String entry) {
        int cut = entry.indexOf(" (markets ");
        return cut > 0 ? entry.substring(0, cut) : entry;
    }

    private Fact.Quantity price(String id, String label, double value) {
        return new Fact.Quantity(id, label, value, Unit.PRICE, config.pricePrecision());
    }

    private static Fact.Quantity billions(String id, String label, double usd, Unit unit) {
        return new Fact.Quantity(id, label, usd / BILLION, unit, 2);
    }

    private static Fact.Quantity count(String id, String label, long n) {
        return new Fact.Quantity(id, label, n, Unit.COUNT, 0);
    }
}
