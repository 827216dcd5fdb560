package com.alphacast.core.feed.cboe;

import com.alphacast.core.feed.CsvLine;
import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.feed.InputLines;
import com.alphacast.core.feed.StrictDecimal;
import com.alphacast.core.options.OccSymbol;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.options.OptionContract;
import com.alphacast.core.options.OptionRight;
import com.alphacast.core.text.TerminalText;

import java.io.Reader;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Parses a CBOE delayed-quotes {@code quotedata.csv} export, layout as in docs/analytics-conventions.md
 * ("CBOE quotedata.csv layout"):
 * <ol>
 *   <li>{@code <name>,Last: <spot>,Change: ...} (the name may be quoted and contain commas);</li>
 *   <li>{@code "Date: <as-of>",Bid: ...} (every date variant of {@link CboeDateLine});</li>
 *   <li>the header: {@code Expiration Date,Calls,<call fields>,Strike,Puts,<put fields>};</li>
 *   <li>one row per strike and expiry with the call and the put.</li>
 * </ol>
 * Columns are located by their header names inside the call block (between "Calls" and "Strike") and the put block
 * (after "Puts"), so exports with extra or reordered columns still parse. "Open Interest" and "IV" are required in
 * both blocks (GEX needs OI, the zero-gamma profile and every Black–Scholes greek need IV): a header without them is an
 * error naming the file, line and missing column. Delta and Gamma may be absent: the contracts then carry NaN, the
 * calculations fall back to Black–Scholes from IV, and {@link CboeQuoteData#missingGreeks()} says which are missing.
 * Blank lines (real exports start with one) are skipped. Expiries before the as-of date are kept and reported.
 * The OCC symbol of each contract is cross-checked against the row's expiry and strike. Every problem is an
 * {@link InputFormatException} naming the source, line and column, including every way a chain can be silently wrong:
 * a row with fewer or more fields than the header (a truncated last row), a contract listed twice (it would be counted
 * twice), a number outside its column's domain ({@code Infinity}, {@code 1e308}, a negative price, a delta beyond
 * &plusmn;1) and an expiry that is not a real date.
 */
public final class CboeQuoteDataParser {

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("EEE MMM dd uuuu", Locale.US)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter EXPIRY_SHORT_DAY = DateTimeFormatter.ofPattern("EEE MMM d uuuu",
            Locale.US).withResolverStyle(ResolverStyle.STRICT);
    /** Domains of the numeric columns: far beyond any listed option, small enough that no exposure overflows. */
    static final double MAX_PRICE = 1e7;
    static final double MAX_IV = 100;
    static final double MAX_GAMMA = 100;
    static final long MAX_CONTRACTS = 1_000_000_000L;

    public CboeQuoteData parse(Reader reader, String source) {
        InputLines in = new InputLines(reader, source);
        String text;
        CsvLine nameLine = null;
        CsvLine dateLine = null;
        Layout layout = null;
        int headerFields = 0;
        double spot = Double.NaN;
        String name = null;
        ZonedDateTime asOfTime = null;
        List<OptionContract> contracts = new ArrayList<>();
        Map<OccSymbol, Long> firstLineOfSymbol = new HashMap<>();
        TreeSet<LocalDate> expired = new TreeSet<>();
        Map<String, LocalDate> expiryCache = new HashMap<>();
        int rows = 0;
        while ((text = in.next()) != null) {
            long lineNumber = in.lineNumber();
            if (text.isBlank()) {
                continue;
            }
            CsvLine line = CsvLine.parse(source, lineNumber, text);
            if (nameLine == null) {
                nameLine = line;
                name = line.field(0).trim();
                spot = spot(line);
            } else if (dateLine == null) {
                dateLine = line;
                asOfTime = asOf(line);
            } else if (layout == null) {
                layout = Layout.of(line);
                headerFields = line.size();
            } else {
                rows++;
                if (line.size() != headerFields) {
                    throw line.error(Math.min(line.size(), headerFields), "row has " + line.size()
                            + " fields but the header has " + headerFields + (line.size() < headerFields
                            ? " (truncated row?)" : ""));
                }
                LocalDate expiry = expiry(line, expiryCache);
                if (expiry.isBefore(asOfTime.toLocalDate())) {
                    expired.add(expiry);
                }
                double strike = line.number(layout.strike, "Strike", 0, MAX_PRICE);
                if (!(strike > 0)) {
                    throw line.error(layout.strike, "'Strike' must be positive, was " + strike);
                }
                for (OptionContract c : new OptionContract[] {
                    contract(line, layout.call, layout.callSymbol, expiry, strike, OptionRight.CALL),
                    contract(line, layout.put, layout.putSymbol, expiry, strike, OptionRight.PUT)}) {
                    Long first = firstLineOfSymbol.putIfAbsent(c.symbol(), lineNumber);
                    if (first != null) {
                        throw line.error(c.symbol().right() == OptionRight.CALL ? layout.callSymbol : layout.putSymbol,
                                "contract " + c.symbol() + " is listed twice (first on line " + first
                                        + "); a chain lists each contract once");
                    }
                    contracts.add(c);
                }
            }
        }
        if (layout == null) {
            throw new InputFormatException(source, Math.max(1, in.lineNumber()), 1,
                    "not a CBOE quotedata export: expected a name line with 'Last:', a 'Date:' line and a header");
        }
        String underlying = contracts.isEmpty() ? name : contracts.get(0).symbol().root();
        OptionChain chain = new OptionChain(underlying, spot, asOfTime.toLocalDate(), asOfTime, contracts);
        return new CboeQuoteData(name, asOfTime, chain, rows, expired, layout.missingGreeks());
    }

    private static double spot(CsvLine line) {
        for (int i = 0; i < line.size(); i++) {
            String f = line.field(i).trim();
            if (f.regionMatches(true, 0, "Last:", 0, 5)) {
                String value = f.substring(5).trim().replace(",", "");
                double spot = StrictDecimal.parseOrNaN(value);
                if (spot > 0 && spot <= MAX_PRICE) {
                    return spot;
                }
                throw line.error(i, "unparseable spot '" + TerminalText.excerpt(value) + "' after 'Last:' (expected a "
                        + "positive price up to " + (long) MAX_PRICE + ")");
            }
        }
        throw line.error(0, "no 'Last: <spot>' field on the first line of a CBOE quotedata export");
    }

    private static ZonedDateTime asOf(CsvLine line) {
        for (int i = 0; i < line.size(); i++) {
            String f = line.field(i).trim();
            if (f.regionMatches(true, 0, "Date:", 0, 5)) {
                Optional<ZonedDateTime> t = CboeDateLine.parse(f);
                int column = i;
                return t.orElseThrow(() -> line.error(column, "unparseable as-of date '"
                        + TerminalText.excerpt(f.substring(5).trim())
                        + "' (expected e.g. 'September 25, 2025 at 9:05 PM EDT' or '12 June 2023, 4:35 PM EDT')"));
            }
        }
        throw line.error(0, "no 'Date: <as-of>' field on the second line of a CBOE quotedata export");
    }

    private static LocalDate expiry(CsvLine line, Map<String, LocalDate> cache) {
        String text = line.require(0, "Expiration Date");
        LocalDate cached = cache.get(text);
        if (cached != null) {
            return cached;
        }
        LocalDate d;
        try {
            if (text.length() > 32) {
                throw new DateTimeParseException("too long", text, 0);
            }
            d = LocalDate.parse(text, text.length() == "Wed Oct 01 2025".length() ? EXPIRY : EXPIRY_SHORT_DAY);
        } catch (DateTimeParseException e) {
            try {
                d = LocalDate.parse(text);
            } catch (DateTimeParseException e2) {
                throw line.error(0, "unparseable expiration date '" + TerminalText.excerpt(text)
                        + "' (expected e.g. 'Wed Oct 01 2025', a real date on the right weekday)");
            }
        }
        cache.put(text, d);
        return d;
    }

    private static OptionContract contract(CsvLine line, Map<String, Integer> block, int symbolColumn,
                                           LocalDate expiry, double strike, OptionRight right) {
        String symbolText = line.require(symbolColumn, right == OptionRight.CALL ? "Calls" : "Puts");
        OccSymbol symbol;
        try {
            symbol = OccSymbol.parse(symbolText);
        } catch (IllegalArgumentException e) {
            throw line.error(symbolColumn, e.getMessage());
        }
        if (symbol.right() != right) {
            throw line.error(symbolColumn, "symbol " + symbolText + " is a " + symbol.right() + " in the "
                    + right + " column");
        }
        if (!symbol.expiry().equals(expiry)) {
            throw line.error(symbolColumn, "symbol " + symbolText + " expires " + symbol.expiry()
                    + " but the row's expiration date is " + expiry);
        }
        if (Math.abs(symbol.strikeValue() - strike) > 1e-6) {
            throw line.error(symbolColumn, "symbol " + symbolText + " has strike " + symbol.strike().toPlainString()
                    + " but the row's strike is " + strike);
        }
        return new OptionContract(symbol,
                optional(line, block, "Last Sale", 0, MAX_PRICE), optional(line, block, "Bid", 0, MAX_PRICE),
                optional(line, block, "Ask", 0, MAX_PRICE),
                whole(line, block, "Volume"), whole(line, block, "Open Interest"),
                optional(line, block, "IV", 0, MAX_IV), optional(line, block, "Delta", -1, 1),
                optional(line, block, "Gamma", 0, MAX_GAMMA));
    }

    private static double optional(CsvLine line, Map<String, Integer> block, String name, double min, double max) {
        Integer column = block.get(name);
        return column == null ? Double.NaN : line.optionalNumber(column, name, min, max);
    }

    private static long whole(CsvLine line, Map<String, Integer> block, String name) {
        Integer column = block.get(name);
        if (column == null || column >= line.size() || line.field(column).isBlank()) {
            return 0;
        }
        long v = line.wholeNumber(column, name);
        if (v < 0 || v > MAX_CONTRACTS) {
            throw line.error(column, "'" + name + "' must be within 0.." + MAX_CONTRACTS + ", was " + v);
        }
        return v;
    }

    /** Column positions found from the header. */
    private record Layout(int callSymbol, Map<String, Integer> call, int strike, int putSymbol,
                          Map<String, Integer> put) {

        static Layout of(CsvLine header) {
            int calls = -1;
            int strike = -1;
            int puts = -1;
            for (int i = 0; i < header.size(); i++) {
                String f = header.field(i).trim();
                if (f.equalsIgnoreCase("Calls") && calls < 0) {
                    calls = i;
                } else if (f.equalsIgnoreCase("Strike") && strike < 0) {
                    strike = i;
                } else if (f.equalsIgnoreCase("Puts") && puts < 0) {
                    puts = i;
                }
            }
            if (calls < 0 || strike < 0 || puts < 0 || !(calls < strike && strike < puts)) {
                throw header.error(0, "header must contain 'Calls', 'Strike' and 'Puts' in that order, was '"
                        + TerminalText.excerpt(String.join(",", header.fields()), 200) + "'");
            }
            Map<String, Integer> call = block(header, calls + 1, strike);
            Map<String, Integer> put = block(header, puts + 1, header.size());
            for (String required : new String[] {"Open Interest", "IV"}) {
                boolean inCalls = call.containsKey(required);
                boolean inPuts = put.containsKey(required);
                String why = required.equals("IV") ? " (implied volatility is needed for the zero-gamma profile and "
                        + "for Black-Scholes greeks)" : "";
                if (!inCalls && !inPuts) {
                    throw header.error(calls, "missing column '" + required + "' in both the call block (after "
                            + "'Calls') and the put block (after 'Puts')" + why);
                }
                if (!inCalls) {
                    throw header.error(calls, "missing column '" + required + "' in the call block (between 'Calls' "
                            + "and 'Strike')" + why);
                }
                if (!inPuts) {
                    throw header.error(puts, "missing column '" + required + "' in the put block (after 'Puts')"
                            + why);
                }
            }
            return new Layout(calls, call, strike, puts, put);
        }

        List<String> missingGreeks() {
            List<String> missing = new ArrayList<>();
            for (String greek : new String[] {"Delta", "Gamma"}) {
                if (!call.containsKey(greek)) {
                    missing.add(greek + " (calls)");
                }
                if (!put.containsKey(greek)) {
                    missing.add(greek + " (puts)");
                }
            }
            return missing;
        }

        private static Map<String, Integer> block(CsvLine header, int from, int to) {
            Map<String, Integer> columns = new HashMap<>();
            for (int i = from; i < to; i++) {
                String name = header.field(i).trim();
                // canonical capitalisation so lookups do not depend on the export's case
                for (String known : new String[] {"Last Sale", "Net", "Bid", "Ask", "Volume", "IV", "Delta", "Gamma",
                    "Open Interest"}) {
                    if (known.equalsIgnoreCase(name)) {
                        columns.putIfAbsent(known, i);
                    }
                }
            }
            return columns;
        }
    }
}
