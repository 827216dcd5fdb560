package com.alphacast.feeds.replay;

import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.feed.InputLines;
import com.alphacast.core.feed.lean.LeanEquityReader;
import com.alphacast.core.feed.lean.LeanFile;
import com.alphacast.core.feed.lean.LeanQuoteBar;
import com.alphacast.core.feed.lean.LeanTick;
import com.alphacast.core.feed.lean.LeanTradeBar;
import com.alphacast.core.feed.lean.SaleConditionFilter;
import com.alphacast.core.marketdata.FeedSource;
import com.alphacast.core.marketdata.MarketEventListener;
import com.alphacast.feeds.quality.InputProblem;
import com.alphacast.feeds.quality.InputQuality;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Replays Lean's US-equity zips (tick trades, second or minute trade bars, second or minute quote bars; any number
 * of days and symbols) through the same listener calls as a live feed. Day by day, every symbol's trades and quotes
 * are merged in time order:
 * <ul>
 *   <li>trades: the tick file when the day has one (prints that {@link SaleConditionFilter} drops are left out and
 *       counted in {@link #dropped()}), otherwise the trade bars, each replayed as four prints at open, the extreme
 *       the bar reached first (low first when it closed up, high first otherwise), the other extreme and close, a
 *       quarter of the period apart, with its volume split evenly (the remainder on the close);</li>
 *   <li>quotes: each quote bar's closing bid and ask with their last sizes as top of book, at the end of its period
 *       (before trades of the same millisecond), so a trade sees the quote that prevailed before it.</li>
 * </ul>
 * Exchange time is the recorded time (Lean's ms since midnight New York, daylight saving per date); receive time per
 * {@link ReceiveClock}. A bad line is counted and logged with its file, entry and line, never fatal. Each symbol is
 * {@code LIVE} from its first event until the end ({@code DISCONNECTED}).
 */
public final class LeanZipReplay implements FeedSource {

    /** What the sale-condition filter took out of the bars. */
    public record DroppedPrints(long prints, long volume, Map<String, Long> byReason) {
        public DroppedPrints {
            byReason = Map.copyOf(byReason);
        }
    }

    private record Entry(Path zip, String name, LeanFile layout) {
        String source() {
            return zip + "!" + name;
        }
    }

    /** One merged event: a quote (priority 0) goes before a trade (1) of the same millisecond. */
    private record Event(long millis, int priority, String symbol, double price, double size, double bid,
                         double bidSize, double ask, double askSize, long line) {
    }

    private final String name;
    private final List<Path> zips;
    private final ReceiveClock clock;
    private final InputQuality quality;
    private final SaleConditionFilter filter = new SaleConditionFilter();
    private final LeanEquityReader reader = LeanEquityReader.newYork();
    private final Map<String, Long> droppedByReason = new TreeMap<>();
    private final ReplayRun run;
    private long droppedPrints;
    private long droppedVolume;

    public LeanZipReplay(String name, List<Path> zips, ReplaySpeed speed, ReceiveClock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.zips = List.copyOf(zips);
        this.run = new ReplayRun(name, speed);
        this.clock = Objects.requireNonNull(clock, "clock");
        if (this.zips.isEmpty()) {
            throw new IllegalArgumentException(name + ": no Lean zip to replay");
        }
        this.quality = new InputQuality(name, 10_000, 1_000);
    }

    /** True when {@code zip} holds at least one CSV named in Lean's equity layout. */
    public static boolean isLeanZip(Path zip) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                if (LeanFile.ofEntry(entries.nextElement().getName()).isPresent()) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false; // not a zip at all
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start(MarketEventListener listener) {
        ReplayedSymbols symbols = new ReplayedSymbols(name, listener);
        run.start(() -> play(listener, symbols), symbols);
    }

    private void play(MarketEventListener listener, ReplayedSymbols symbols) {
        for (Map.Entry<LocalDate, List<Entry>> day : entriesByDay().entrySet()) {
            List<Event> events = new ArrayList<>();
            for (String symbol : day.getValue().stream().map(e -> e.layout().symbol()).distinct().sorted().toList()) {
                List<Entry> mine = day.getValue().stream().filter(e -> e.layout().symbol().equals(symbol)).toList();
                chosen(mine, LeanFile.Kind.TRADE).ifPresent(e -> load(e, events));
                chosen(mine, LeanFile.Kind.QUOTE).ifPresent(e -> load(e, events));
            }
            events.sort(Comparator.comparingLong(Event::millis).thenComparingInt(Event::priority));
            for (Event event : events) {
                long nanos = event.millis() * 1_000_000L;
                run.awaitDue(nanos);
                quality.frame();
                emit(listener, event, nanos, symbols);
            }
        }
    }

    private void emit(MarketEventListener listener, Event event, long nanos, ReplayedSymbols symbols) {
        symbols.seen(event.symbol(), nanos, "replaying Lean data");
        long received = clock.receivedNanos(nanos);
        if (event.priority() == 0) {
            listener.onTopOfBook(event.symbol(), nanos, received, event.bid(), event.bidSize(), event.ask(),
                    event.askSize());
        } else {
            listener.onTrade(event.symbol(), nanos, received, event.line(), event.price(), event.size(),
                    Aggressor.UNKNOWN);
        }
    }

    private Map<LocalDate, List<Entry>> entriesByDay() {
        Map<LocalDate, List<Entry>> days = new TreeMap<>();
        for (Path zip : zips) {
            try (ZipFile file = new ZipFile(zip.toFile())) {
                Enumeration<? extends ZipEntry> entries = file.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    if (entry.isDirectory()) {
                        continue;
                    }
                    LeanFile.ofEntry(entry.getName()).ifPresentOrElse(
                            layout -> days.computeIfAbsent(layout.date(), d -> new ArrayList<>())
                                    .add(new Entry(zip, entry.getName(), layout)),
                            () -> problem(zip + "!" + entry.getName(), 0, "not a Lean equity CSV name "
                                    + "(expected <yyyyMMdd>_<symbol>_Trade_Tick.csv or <yyyyMMdd>_<symbol>_second_trade.csv)"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(zip + ": not a readable zip", e);
            }
        }
        return days;
    }

    /** The finest layout of {@code kind}: ticks over seconds over minutes (tick quotes are not supported). */
    private java.util.Optional<Entry> chosen(List<Entry> entries, LeanFile.Kind kind) {
        for (LeanFile.Resolution resolution : LeanFile.Resolution.values()) {
            for (Entry entry : entries) {
                if (entry.layout().kind() != kind || entry.layout().resolution() != resolution) {
                    continue;
                }
                if (kind == LeanFile.Kind.QUOTE && resolution == LeanFile.Resolution.TICK) {
                    problem(entry.source(), 0, "Lean tick quotes are not supported; use second or minute quote bars");
                    continue;
                }
                return java.util.Optional.of(entry);
            }
        }
        return java.util.Optional.empty();
    }

    private void load(Entry entry, List<Event> events) {
        String symbol = entry.layout().symbol();
        LocalDate date = entry.layout().date();
        long period = entry.layout().resolution() == LeanFile.Resolution.MINUTE ? 60_000 : 1_000;
        try (ZipFile file = new ZipFile(entry.zip().toFile());
             Reader in = InputLines.utf8(file.getInputStream(file.getEntry(entry.name())))) {
            if (entry.layout().kind() == LeanFile.Kind.QUOTE) {
                reader.forEachQuoteBar(in, entry.source(), date, q -> quote(symbol, q, period, events), this::badLine);
            } else if (entry.layout().resolution() == LeanFile.Resolution.TICK) {
                reader.forEachTick(in, entry.source(), date, t -> tick(symbol, t, events), this::badLine);
            } else {
                reader.forEachTradeBar(in, entry.source(), date, b -> bar(symbol, b, period, events), this::badLine);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(entry.source() + ": cannot read", e);
        }
    }

    private void tick(String symbol, LeanTick tick, List<Event> events) {
        String reason = filter.dropReason(tick);
        if (reason != null) {
            droppedPrints++;
            droppedVolume += tick.size();
            droppedByReason.merge(reason, 1L, Long::sum);
            return;
        }
        events.add(new Event(tick.epochMillis(), 1, symbol, tick.price(), tick.size(), 0, 0, 0, 0, tick.line()));
    }

    private static void bar(String symbol, LeanTradeBar bar, long period, List<Event> events) {
        if (bar.volume() < 4) {
            if (bar.volume() > 0) {
                events.add(new Event(bar.startMillis(), 1, symbol, bar.close(), bar.volume(), 0, 0, 0, 0, bar.line()));
            }
            return;
        }
        boolean up = bar.close() >= bar.open();
        double[] path = {bar.open(), up ? bar.low() : bar.high(), up ? bar.high() : bar.low(), bar.close()};
        long quarter = bar.volume() / 4;
        for (int i = 0; i < 4; i++) {
            long size = i == 3 ? bar.volume() - 3 * quarter : quarter;
            events.add(new Event(bar.startMillis() + i * period / 4, 1, symbol, path[i], size, 0, 0, 0, 0,
                    bar.line()));
        }
    }

    private static void quote(String symbol, LeanQuoteBar quote, long period, List<Event> events) {
        if (Double.isNaN(quote.bidClose()) || Double.isNaN(quote.askClose())) {
            return; // one side unquoted in the period: no top of book to state
        }
        events.add(new Event(quote.startMillis() + period, 0, symbol, 0, 0, quote.bidClose(), quote.bidSize(),
                quote.askClose(), quote.askSize(), quote.line()));
    }

    private void badLine(InputFormatException bad) {
        quality.frame();
        quality.report(InputProblem.MALFORMED_FRAME, bad.line(), bad.getMessage());
    }

    private void problem(String source, long line, String detail) {
        quality.report(InputProblem.MALFORMED_FRAME, line, source + ": " + detail);
    }

    /** Waits for the end of the recording; false on timeout. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return run.awaitEnd(timeout);
    }

    /** Why the replay stopped early, or null when it reached the end. Read after {@link #awaitEnd}. */
    public Throwable failure() {
        return run.failure();
    }

    /** Prints the sale-condition filter left out. Read after {@link #awaitEnd}. */
    public DroppedPrints dropped() {
        return new DroppedPrints(droppedPrints, droppedVolume, droppedByReason);
    }

    public InputQuality quality() {
        return quality;
    }

    @Override
    public void close() {
        run.close();
    }
}
