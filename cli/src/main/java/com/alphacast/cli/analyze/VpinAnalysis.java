package com.alphacast.cli.analyze;

import com.alphacast.core.classification.BulkVolumeClassifier;
import com.alphacast.core.classification.LeeReadyClassifier;
import com.alphacast.core.classification.TickRule;
import com.alphacast.core.feed.CsvLine;
import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.feed.InputLines;
import com.alphacast.core.feed.trades.TradeCsvReader;
import com.alphacast.core.feed.trades.TradeRow;
import com.alphacast.core.quality.BadPrintFilter;
import com.alphacast.core.quality.PrintListener;
import com.alphacast.core.text.TerminalText;
import com.alphacast.core.vpin.BarVpin;
import com.alphacast.core.vpin.BvcVpinStream;
import com.alphacast.core.vpin.VolumeBucketVpin;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code analyze vpin}: VPIN per docs/analytics-conventions.md ("Flow toxicity: VPIN and BVC"), either over
 * equal-volume buckets from a trades file, or per bar for a file of bars of unequal volume.
 */
final class VpinAnalysis {

    private static final Set<String> VALUED = Set.of("trades", "bars", "bucket-volume", "buckets-per-day", "window",
            "classify", "bar", "sigma-window", "min-sigma-changes", "zone", "symbol", "close", "volume", "time",
            "format", "bad-print-band", "bad-print-window");
    private static final Set<String> FLAGS = Set.of("no-bad-print-filter");
    /** Rejected prints listed in the output; the count is always complete. */
    private static final int LISTED_BAD_PRINTS = 100;
    /** Ranges of the numeric options (documented in cli/README.md): beyond them memory, not insight, runs out. */
    static final int MAX_WINDOW = 10_000;
    static final int MAX_BUCKETS_PER_DAY = 10_000;
    static final long MAX_BUCKETS = 1_000_000;
    static final Duration MIN_BAR = Duration.ofMillis(100);
    static final Duration MAX_BAR = Duration.ofDays(1);
    private static final double MAX_PRICE = 1e9;
    private static final double MAX_VOLUME = 1e15;

    void run(List<String> args, PrintStream out) {
        Options o = Options.parse(args, VALUED, FLAGS);
        OutputFormat format = o.format();
        if (o.has("trades") == o.has("bars")) {
            throw new UsageException("give exactly one of --trades FILE or --bars FILE");
        }
        if (o.has("trades")) {
            trades(o, format, out);
        } else {
            bars(o, format, out);
        }
    }

    private record BucketPoint(long time, long bucket, double buy, double sell, double vpin) {
    }

    private void trades(Options o, OutputFormat format, PrintStream out) {
        for (String barOnly : new String[] {"close", "volume", "time"}) {
            if (o.has(barOnly)) {
                throw new UsageException("--" + barOnly + " applies to --bars, not --trades");
            }
        }
        if (o.has("bucket-volume") && o.has("buckets-per-day")) {
            throw new UsageException("give --bucket-volume or --buckets-per-day, not both");
        }
        String file = o.required("trades");
        int window = o.wholeNumber("window", 50, 1, MAX_WINDOW);
        String classify = o.string("classify", "bvc");
        if (!Set.of("bvc", "tick", "lee-ready", "side").contains(classify)) {
            throw new UsageException("--classify must be bvc, tick, lee-ready or side, was '" + classify + "'");
        }
        Duration bar = o.duration("bar", Duration.ofMinutes(1), MIN_BAR, MAX_BAR);
        int sigmaWindow = sigmaWindow(o);
        int minSigmaChanges = minSigmaChanges(o, sigmaWindow);
        boolean screen = !o.flag("no-bad-print-filter");
        if (!screen && (o.has("bad-print-band") || o.has("bad-print-window"))) {
            throw new UsageException("--bad-print-band/--bad-print-window do not apply with --no-bad-print-filter");
        }
        double band = o.number("bad-print-band", 0.01, 0, 0.99); // a fraction of the median: 0.01 = 1%
        int badPrintWindow = o.wholeNumber("bad-print-window", 21, 3, MAX_WINDOW + 1);
        ZoneId zone;
        try {
            zone = ZoneId.of(o.string("zone", "UTC"));
        } catch (DateTimeException e) {
            throw new UsageException("--zone must be a time zone like UTC or America/New_York, was '"
                    + o.string("zone", "") + "'");
        }
        int bucketsPerDay = o.wholeNumber("buckets-per-day", 50, 1, MAX_BUCKETS_PER_DAY);
        double givenBucketVolume = o.number("bucket-volume", Double.NaN, 0, 1e15);

        List<TradeRow> rows;
        try (Reader reader = InputFiles.open(file)) {
            rows = new TradeCsvReader(o.string("symbol", "UNKNOWN"), zone).read(reader, file);
        } catch (IOException e) {
            throw new UncheckedIOException(file, e);
        }
        if (rows.isEmpty()) {
            throw new InputException(file + ": no trades after the header");
        }
        int read = rows.size();
        List<Rejected> rejected = new ArrayList<>();
        if (screen) {
            rows = screen(rows, badPrintWindow, band, rejected);
            if (rows.isEmpty()) {
                throw new InputException(file + ": every one of " + read + " prints was rejected as a bad print (band "
                        + band + " around the rolling median of " + badPrintWindow + "); see --bad-print-band");
            }
        }
        if (classify.equals("lee-ready") && rows.get(0).quote() == null) {
            throw new InputFormatException(file, 1, 1,
                    "--classify lee-ready needs 'bid' and 'ask' columns in the header");
        }
        double totalVolume = 0;
        Set<LocalDate> days = new HashSet<>();
        for (TradeRow r : rows) {
            totalVolume += r.trade().size();
            days.add(Instant.ofEpochMilli(r.trade().epochMillis()).atZone(zone).toLocalDate());
        }
        double bucketVolume = o.has("bucket-volume") ? givenBucketVolume : totalVolume / days.size() / bucketsPerDay;
        if (totalVolume / bucketVolume > MAX_BUCKETS) {
            throw new UsageException(String.format(Locale.ROOT, "--bucket-volume %s cuts the file's volume of %.0f "
                    + "into more than %,d buckets; give a bucket volume of at least %s", o.string("bucket-volume",
                    ""), totalVolume, MAX_BUCKETS, Table.num(totalVolume / MAX_BUCKETS, 6)));
        }

        List<BucketPoint> points = new ArrayList<>();
        VolumeBucketVpin buckets = new VolumeBucketVpin(bucketVolume, window,
                (t, b, buy, sell, v) -> points.add(new BucketPoint(t, b, buy, sell, v)));
        double unclassified = 0;
        long bars = 0;
        switch (classify) {
            case "bvc" -> {
                BvcVpinStream stream = new BvcVpinStream(bar,
                        new BulkVolumeClassifier(sigmaWindow, minSigmaChanges), buckets);
                for (TradeRow r : rows) {
                    stream.onTrade(r.trade().epochMillis(), r.trade().price(), r.trade().size());
                }
                stream.flush();
                unclassified = stream.unclassifiedVolume();
                bars = stream.bars();
            }
            case "tick" -> {
                TickRule tick = new TickRule();
                for (TradeRow r : rows) {
                    buckets.addTrade(r.trade().epochMillis(), r.trade().size(), tick.classify(r.trade().price()));
                }
            }
            case "lee-ready" -> {
                LeeReadyClassifier lr = new LeeReadyClassifier();
                for (TradeRow r : rows) {
                    double bid = r.quote() == null ? Double.NaN : r.quote().bidPrice();
                    double ask = r.quote() == null ? Double.NaN : r.quote().askPrice();
                    buckets.addTrade(r.trade().epochMillis(), r.trade().size(), lr.classify(r.trade().price(), bid,
                            ask));
                }
            }
            default -> {
                for (TradeRow r : rows) {
                    buckets.addTrade(r.trade().epochMillis(), r.trade().size(), r.aggressor());
                }
            }
        }

        double min = Double.NaN;
        double max = Double.NaN;
        double sum = 0;
        int warm = 0;
        for (BucketPoint p : points) {
            if (!Double.isNaN(p.vpin)) {
                min = Double.isNaN(min) ? p.vpin : Math.min(min, p.vpin);
                max = Double.isNaN(max) ? p.vpin : Math.max(max, p.vpin);
                sum += p.vpin;
                warm++;
            }
        }
        String note = warm > 0 ? null : "only " + points.size() + " complete buckets, fewer than the window of "
                + window + ": no VPIN yet (use a smaller --bucket-volume or --window)";
        String classification = switch (classify) {
            case "bvc" -> "bulk volume classification over " + bar.toMillis() / 1000.0 + " s bars, sigma of last "
                    + sigmaWindow + " bar price changes (bars unclassified until " + minSigmaChanges + " changes)";
            case "tick" -> "tick rule per trade";
            case "lee-ready" -> "Lee-Ready per trade (quote rule, tick rule at the midpoint)";
            default -> "aggressor side from the file";
        };
        String screening = screen ? "bad prints outside +/-" + band * 100 + "% of the rolling median of "
                + badPrintWindow + " prints removed first" : "no bad-print filter";
        String convention = "VPIN = sum over last n buckets |V_S - V_B| / (n x V) (Easley, Lopez de Prado, O'Hara "
                + "2012); buckets of equal volume V, trades split across bucket boundaries; " + classification
                + "; " + screening;

        if (format == OutputFormat.JSON) {
            Json json = new Json();
            ObjectNode root = json.object();
            root.put("file", file);
            root.put("convention", convention);
            ObjectNode s = root.putObject("summary");
            s.put("tradesRead", read);
            s.put("trades", rows.size());
            ObjectNode bad = s.putObject("badPrints");
            bad.put("filter", screen);
            if (screen) {
                Json.put(bad, "band", band, 6);
                bad.put("window", badPrintWindow);
                bad.put("rejected", rejected.size());
                ArrayNode list = bad.putArray("rejectedPrints");
                for (Rejected r : rejected.subList(0, Math.min(rejected.size(), LISTED_BAD_PRINTS))) {
                    ObjectNode n = json.object();
                    n.put("line", r.row.line());
                    n.put("time", Instant.ofEpochMilli(r.row.trade().epochMillis()).toString());
                    Json.put(n, "price", r.row.trade().price());
                    n.put("size", r.row.trade().size());
                    Json.put(n, "median", r.median);
                    list.add(n);
                }
            }
            Json.put(s, "totalVolume", totalVolume);
            s.put("days", days.size());
            Json.put(s, "bucketVolume", bucketVolume, 6);
            s.put("bucketVolumeSource", o.has("bucket-volume") ? "--bucket-volume"
                    : "average daily volume / " + bucketsPerDay);
            s.put("window", window);
            s.put("classification", classify);
            if (classify.equals("bvc")) {
                s.put("bars", bars);
                s.put("minSigmaChanges", minSigmaChanges);
                Json.put(s, "unclassifiedVolume", unclassified);
            }
            s.put("buckets", points.size());
            s.put("vpinValues", warm);
            Json.put(s, "last", warm > 0 ? points.get(points.size() - 1).vpin : Double.NaN, 6);
            Json.put(s, "min", min, 6);
            Json.put(s, "max", max, 6);
            Json.put(s, "mean", warm > 0 ? sum / warm : Double.NaN, 6);
            if (note != null) {
                s.put("note", note);
            }
            ArrayNode series = root.putArray("series");
            for (BucketPoint p : points) {
                ObjectNode n = json.object();
                n.put("time", Instant.ofEpochMilli(p.time).toString());
                n.put("bucket", p.bucket);
                Json.put(n, "buyVolume", p.buy, 4);
                Json.put(n, "sellVolume", p.sell, 4);
                Json.put(n, "vpin", p.vpin, 6);
                series.add(n);
            }
            json.print(root, out);
        } else {
            out.println(convention);
            out.printf(Locale.ROOT, "%d trades, volume %.0f over %d day(s); bucket volume %.4f; window %d%n",
                    rows.size(), totalVolume, days.size(), bucketVolume, window);
            if (screen) {
                out.printf(Locale.ROOT, "bad prints rejected: %d of %d%n", rejected.size(), read);
                for (Rejected r : rejected.subList(0, Math.min(rejected.size(), LISTED_BAD_PRINTS))) {
                    out.printf(Locale.ROOT, "  line %d  %s  price %s  size %d  (median %s)%n", r.row.line(),
                            Instant.ofEpochMilli(r.row.trade().epochMillis()), Table.num(r.row.trade().price(), 4),
                            r.row.trade().size(), Table.num(r.median, 4));
                }
            }
            out.printf(Locale.ROOT, "%d buckets; VPIN last %s, min %s, max %s, mean %s%n", points.size(),
                    Table.num(warm > 0 ? points.get(points.size() - 1).vpin : Double.NaN, 4), Table.num(min, 4),
                    Table.num(max, 4), Table.num(warm > 0 ? sum / warm : Double.NaN, 4));
            if (note != null) {
                out.println(note);
            }
            out.println();
            Table t = new Table("time", "bucket", "buy", "sell", "vpin");
            for (BucketPoint p : points) {
                t.row(Instant.ofEpochMilli(p.time).toString(), p.bucket, Table.num(p.buy, 2), Table.num(p.sell, 2),
                        Table.num(p.vpin, 4));
            }
            t.print(out);
        }
    }

    private void bars(Options o, OutputFormat format, PrintStream out) {
        for (String tradeOnly : new String[] {"bucket-volume", "buckets-per-day", "classify", "bar", "zone",
            "symbol", "no-bad-print-filter", "bad-print-band", "bad-print-window"}) {
            if (o.has(tradeOnly)) {
                throw new UsageException("--" + tradeOnly + " applies to --trades, not --bars");
            }
        }
        String file = o.required("bars");
        String closeName = o.required("close");
        String volumeName = o.required("volume");
        String timeName = o.string("time", null);
        int window = o.wholeNumber("window", 50, 1, MAX_WINDOW);
        int sigmaWindow = sigmaWindow(o);
        int minSigmaChanges = minSigmaChanges(o, sigmaWindow);
        BulkVolumeClassifier bvc = new BulkVolumeClassifier(sigmaWindow, minSigmaChanges);
        BarVpin vpin = new BarVpin(window);
        Json json = new Json();
        ArrayNode series = json.array();
        Table table = new Table("line", "time", "close", "volume", "buy", "sell", "vpin");
        int bars = 0;
        double last = Double.NaN;
        try (Reader reader = InputFiles.open(file)) {
            InputLines in = new InputLines(reader, file);
            String text;
            long lineNumber = 0;
            int close = -1;
            int volume = -1;
            int time = -1;
            boolean header = true;
            while ((text = in.next()) != null) {
                lineNumber = in.lineNumber();
                if (text.isBlank()) {
                    continue;
                }
                CsvLine line = CsvLine.parse(file, lineNumber, text);
                if (header) {
                    header = false;
                    close = column(line, closeName, "--close");
                    volume = column(line, volumeName, "--volume");
                    time = timeName == null ? -1 : column(line, timeName, "--time");
                    continue;
                }
                double c = line.number(close, closeName, 0, MAX_PRICE);
                double v = line.number(volume, volumeName, 0, MAX_VOLUME);
                if (!(c > 0)) {
                    throw line.error(close, "close must be positive, was " + TerminalText.excerpt(line.field(close).trim()));
                }
                bars++;
                double fraction = bvc.buyFraction(c);
                double buy = Double.isNaN(fraction) ? Double.NaN : v * fraction;
                double sell = Double.isNaN(fraction) ? Double.NaN : v - buy;
                double value = Double.isNaN(fraction) ? vpin.vpin() : vpin.add(buy, sell);
                if (!Double.isNaN(value)) {
                    last = value;
                }
                String t = time >= 0 ? line.require(time, timeName) : null;
                if (format == OutputFormat.JSON) {
                    ObjectNode n = json.object();
                    n.put("line", lineNumber);
                    if (t != null) {
                        n.put("time", t);
                    }
                    Json.put(n, "close", c);
                    Json.put(n, "volume", v);
                    Json.put(n, "buyVolume", buy, 4);
                    Json.put(n, "sellVolume", sell, 4);
                    Json.put(n, "vpin", Double.isNaN(fraction) ? Double.NaN : value, 6);
                    series.add(n);
                } else {
                    table.row(lineNumber, t, Table.num(c, 4), Table.num(v, 2), Table.num(buy, 2), Table.num(sell, 2),
                            Table.num(Double.isNaN(fraction) ? Double.NaN : value, 4));
                }
            }
            if (header) {
                throw new InputFormatException(file, Math.max(1, lineNumber), 1, "no header row");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file, e);
        }
        String convention = "per-bar BVC: buy volume = V x Phi(dP / sigma_dP), sigma over the last " + sigmaWindow
                + " bar price changes (bars unclassified until " + minSigmaChanges + " changes); VPIN = sum |V_S - V_B| / sum V over the last " + window + " bars "
                + "(Easley, Lopez de Prado, O'Hara 2012)";
        if (format == OutputFormat.JSON) {
            ObjectNode root = json.object();
            root.put("file", file);
            root.put("convention", convention);
            ObjectNode s = root.putObject("summary");
            s.put("bars", bars);
            s.put("window", window);
            s.put("sigmaWindow", sigmaWindow);
            s.put("minSigmaChanges", minSigmaChanges);
            Json.put(s, "last", last, 6);
            if (Double.isNaN(last)) {
                s.put("note", "fewer classified bars than the window of " + window + ": no VPIN yet");
            }
            root.set("series", series);
            json.print(root, out);
        } else {
            out.println(convention);
            out.printf("%d bars; last VPIN %s%n%n", bars, Table.num(last, 4));
            table.print(out);
        }
    }

    private record Rejected(TradeRow row, double median) {
    }

    /**
     * Runs the prints through {@link BadPrintFilter} and keeps the accepted rows in order. The filter gives one verdict
     * per print in arrival order (it holds its warm-up prints and releases them in order; only non-positive prices,
     * which {@link TradeCsvReader} never lets through, are judged out of turn), so verdicts map to rows by position.
     */
    private static List<TradeRow> screen(List<TradeRow> rows, int window, double band, List<Rejected> rejected) {
        List<TradeRow> accepted = new ArrayList<>(rows.size());
        int[] next = {0};
        BadPrintFilter filter = new BadPrintFilter(window, band, new PrintListener() {
            @Override
            public void onAccepted(long epochMillis, double price, long size) {
                accepted.add(rows.get(next[0]++));
            }

            @Override
            public void onRejected(long epochMillis, double price, long size, double median) {
                rejected.add(new Rejected(rows.get(next[0]++), median));
            }
        });
        for (TradeRow r : rows) {
            filter.onPrint(r.trade().epochMillis(), r.trade().price(), r.trade().size());
        }
        filter.flush();
        return accepted;
    }

    private static int sigmaWindow(Options o) {
        return o.wholeNumber("sigma-window", 20, 2, MAX_WINDOW);
    }

    /** Default: the whole sigma window, so sigma is always from --sigma-window changes as the conventions define. */
    private static int minSigmaChanges(Options o, int sigmaWindow) {
        int min = o.wholeNumber("min-sigma-changes", sigmaWindow, 2, MAX_WINDOW);
        if (min < 2 || min > sigmaWindow) {
            throw new UsageException("--min-sigma-changes must be between 2 and --sigma-window (" + sigmaWindow
                    + "), was " + min);
        }
        return min;
    }

    private static int column(CsvLine header, String name, String option) {
        for (int i = 0; i < header.size(); i++) {
            if (header.field(i).trim().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw header.error(0, "no column '" + TerminalText.excerpt(name) + "' (" + option + ") in header '"
                + TerminalText.excerpt(String.join(",", header.fields()), 200) + "'");
    }
}
