package com.alphacast.cli.analyze;

import com.alphacast.core.feed.cboe.CboeQuoteData;
import com.alphacast.core.feed.cboe.CboeChainReader;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.options.gex.DealerPositioning;
import com.alphacast.core.options.gex.ExpiryExposure;
import com.alphacast.core.options.gex.GammaExposure;
import com.alphacast.core.options.gex.GexConvention;
import com.alphacast.core.options.gex.GexReport;
import com.alphacast.core.options.gex.StrikeExposure;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code analyze gex}: GEX/DEX and zero-gamma of a CBOE chain (quotedata.csv export or delayed-quotes JSON). */
final class GexAnalysis {

    static final int MAX_TOP = 10_000;

    void run(List<String> args, PrintStream out) {
        Options o = Options.parse(args, Set.of("chain", "spot", "asof", "top", "min-oi", "dealers", "format"),
                Set.of("profile"));
        String file = o.required("chain");
        OutputFormat format = o.format();
        int top = o.wholeNumber("top", 10, 1, MAX_TOP);
        long minOi = o.wholeNumber("min-oi", 0L, 0L, 1_000_000_000L);
        DealerPositioning dealers = dealers(o.string("dealers", "long-calls-short-puts"));
        double spotOverride = o.number("spot", Double.NaN, 0, 1e7);
        LocalDate asOfOverride = o.date("asof");

        CboeQuoteData data;
        try (Reader reader = InputFiles.open(file)) {
            data = new CboeChainReader().read(reader, file);
        } catch (IOException e) {
            throw new UncheckedIOException(file, e);
        }
        OptionChain chain = data.chain();
        if (!Double.isNaN(spotOverride)) {
            chain = chain.withSpot(spotOverride);
        }
        if (asOfOverride != null) {
            chain = chain.withAsOf(asOfOverride);
        }
        boolean whatIf = !Double.isNaN(spotOverride) || asOfOverride != null;
        GexConvention convention = GexConvention.DEFAULT.withMinOpenInterest(minOi).withDealers(dealers);
        if (whatIf) {
            // The export's gamma/delta were computed at its own spot and date; scaling them by another S^2 mixes two
            // states. At an overridden spot or date every greek is Black-Scholes from IV, like the zero-gamma profile.
            convention = convention.withChainGreeks(false);
        }
        GexReport report = new GammaExposure(convention).report(chain, top);
        if (!whatIf && !data.hasChainGreeks()) {
            report = withConvention(report, report.convention() + "; the export has no "
                    + String.join(", ", data.missingGreeks()) + " column: those greeks are Black-Scholes from IV");
        }
        if (whatIf) {
            OptionChain exported = data.chain();
            report = withConvention(report, report.convention() + "; --spot/--asof given: greeks recomputed by "
                    + "Black-Scholes from each contract's IV at spot " + String.format(Locale.ROOT, "%.2f",
                    chain.spot()) + " as of " + chain.asOf() + " (the export's own greeks are for spot "
                    + String.format(Locale.ROOT, "%.2f", exported.spot()) + " on " + exported.asOf() + ")");
        }
        if (format == OutputFormat.JSON) {
            json(data, report, o.flag("profile"), out);
        } else {
            table(data, report, o.flag("profile"), out);
        }
    }

    private static GexReport withConvention(GexReport r, String convention) {
        return new GexReport(r.underlying(), r.spot(), r.asOf(), r.totals(), r.byStrike(), r.byExpiry(),
                r.topStrikes(), r.zeroGamma(), r.excludedExpired(), r.expiredExpiries(), r.excludedMinOi(),
                convention);
    }

    private static DealerPositioning dealers(String text) {
        try {
            return DealerPositioning.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--dealers must be long-calls-short-puts, short-calls-long-puts or "
                    + "short-calls-short-puts, was '" + text + "'");
        }
    }

    private static void json(CboeQuoteData data, GexReport r, boolean profile, PrintStream out) {
        Json json = new Json();
        ObjectNode root = json.object();
        root.put("underlying", r.underlying());
        root.put("name", data.name());
        Json.put(root, "spot", r.spot());
        root.put("asOf", r.asOf().toString());
        root.put("exportTime", data.asOfTime().toOffsetDateTime().toString());
        root.put("convention", r.convention());
        root.put("unit", "GEX in USD per 1% move of the underlying; DEX in USD");
        ObjectNode totals = root.putObject("totals");
        Json.put(totals, "callGex", r.totals().callGex(), 0);
        Json.put(totals, "putGex", r.totals().putGex(), 0);
        Json.put(totals, "netGex", r.totals().netGex(), 0);
        Json.put(totals, "callDex", r.totals().callDex(), 0);
        Json.put(totals, "putDex", r.totals().putDex(), 0);
        Json.put(totals, "netDex", r.totals().netDex(), 0);
        totals.put("contracts", r.totals().contracts());
        ObjectNode zero = root.putObject("zeroGamma");
        if (r.zeroGamma().level().isPresent()) {
            Json.put(zero, "level", r.zeroGamma().level().getAsDouble(), 4);
        } else {
            zero.putNull("level");
            zero.put("reason", r.zeroGamma().reason());
        }
        ArrayNode tops = root.putArray("topStrikes");
        for (StrikeExposure s : r.topStrikes()) {
            tops.add(strike(json, s));
        }
        ArrayNode expiries = root.putArray("byExpiry");
        for (ExpiryExposure e : r.byExpiry()) {
            ObjectNode n = json.object();
            n.put("expiry", e.expiry().toString());
            Json.put(n, "callGex", e.callGex(), 0);
            Json.put(n, "putGex", e.putGex(), 0);
            Json.put(n, "netGex", e.netGex(), 0);
            Json.put(n, "netDex", e.netDex(), 0);
            expiries.add(n);
        }
        ArrayNode strikes = root.putArray("byStrike");
        for (StrikeExposure s : r.byStrike()) {
            strikes.add(strike(json, s));
        }
        ObjectNode excluded = root.putObject("excluded");
        excluded.put("expiredContracts", r.excludedExpired());
        ArrayNode expired = excluded.putArray("expiredExpiries");
        r.expiredExpiries().forEach(d -> expired.add(d.toString()));
        excluded.put("belowMinOpenInterest", r.excludedMinOi());
        if (profile) {
            ArrayNode p = root.putArray("profile");
            double[] levels = r.zeroGamma().profile().levels();
            double[] gex = r.zeroGamma().profile().netGex();
            for (int i = 0; i < levels.length; i++) {
                ObjectNode n = json.object();
                Json.put(n, "level", levels[i], 4);
                Json.put(n, "netGex", gex[i], 0);
                p.add(n);
            }
        }
        json.print(root, out);
    }

    private static ObjectNode strike(Json json, StrikeExposure s) {
        ObjectNode n = json.object();
        Json.put(n, "strike", s.strike());
        Json.put(n, "callGex", s.callGex(), 0);
        Json.put(n, "putGex", s.putGex(), 0);
        Json.put(n, "netGex", s.netGex(), 0);
        n.put("callOpenInterest", s.callOpenInterest());
        n.put("putOpenInterest", s.putOpenInterest());
        return n;
    }

    private static void table(CboeQuoteData data, GexReport r, boolean profile, PrintStream out) {
        out.printf(Locale.ROOT, "%s (%s)  spot %.2f  as of %s%n", r.underlying(), data.name(), r.spot(), r.asOf());
        out.println("convention: " + r.convention());
        out.println();
        new Table("", "GEX (USD/1%)", "DEX (USD)")
                .row("calls", Table.usd(r.totals().callGex()), Table.usd(r.totals().callDex()))
                .row("puts", Table.usd(r.totals().putGex()), Table.usd(r.totals().putDex()))
                .row("net", Table.usd(r.totals().netGex()), Table.usd(r.totals().netDex()))
                .print(out);
        out.println();
        out.println("zero gamma: " + (r.zeroGamma().level().isPresent()
                ? Table.num(r.zeroGamma().level().getAsDouble(), 2) : "none - " + r.zeroGamma().reason()));
        out.println();
        Table tops = new Table("strike", "net GEX", "call GEX", "put GEX", "call OI", "put OI");
        for (StrikeExposure s : r.topStrikes()) {
            tops.row(Table.num(s.strike(), 2), Table.usd(s.netGex()), Table.usd(s.callGex()), Table.usd(s.putGex()),
                    s.callOpenInterest(), s.putOpenInterest());
        }
        out.println("top strikes by |net GEX|:");
        tops.print(out);
        out.println();
        Table expiries = new Table("expiry", "net GEX", "call GEX", "put GEX", "net DEX");
        for (ExpiryExposure e : r.byExpiry()) {
            expiries.row(e.expiry(), Table.usd(e.netGex()), Table.usd(e.callGex()),
                    Table.usd(e.putGex()), Table.usd(e.netDex()));
        }
        out.println("per expiry:");
        expiries.print(out);
        if (r.excludedExpired() > 0 || r.excludedMinOi() > 0) {
            out.printf("excluded: %d contracts of expired expiries %s, %d below MIN_OI%n", r.excludedExpired(),
                    r.expiredExpiries(), r.excludedMinOi());
        }
        if (profile) {
            out.println();
            Table p = new Table("level", "net GEX");
            double[] levels = r.zeroGamma().profile().levels();
            double[] gex = r.zeroGamma().profile().netGex();
            for (int i = 0; i < levels.length; i++) {
                p.row(Table.num(levels[i], 2), Table.usd(gex[i]));
            }
            out.println("gamma profile:");
            p.print(out);
        }
    }
}
