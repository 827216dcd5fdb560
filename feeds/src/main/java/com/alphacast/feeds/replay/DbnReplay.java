package com.alphacast.feeds.replay;

import com.alphacast.core.marketdata.FeedSource;
import com.alphacast.core.marketdata.MarketEventListener;
import com.alphacast.feeds.databento.DbnFormatException;
import com.alphacast.feeds.databento.DbnMarketEvents;
import com.alphacast.feeds.databento.DbnMetadata;
import com.alphacast.feeds.databento.DbnReader;
import com.alphacast.feeds.databento.DbnRecord;
import com.alphacast.feeds.quality.InputProblem;
import com.alphacast.feeds.quality.InputQuality;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Replays a Databento DBN recording ({@code .dbn} or {@code .dbn.zst}, versions 2 and 3) through the listener calls
 * {@link DbnMarketEvents} defines, paced by the records' {@code ts_recv} (the order Databento writes them in; bars by
 * {@code ts_event}). Exchange time = {@code ts_event}; receive time = the wall clock when the replay
 * hands the event over, as for the other replays. Each symbol is {@code LIVE} from its first event until the end of
 * the file, then {@code DISCONNECTED}. A file that is not valid DBN stops the replay with the reader's error (file,
 * byte offset, what was wrong) in {@link #failure()} and in the {@code DISCONNECTED} reason: a corrupt recording is
 * never replayed as a shorter good one.
 */
public final class DbnReplay implements FeedSource {

    private final String name;
    private final Path file;
    private final UnaryOperator<String> naming;
    private final InputQuality quality;
    private final ReplayRun run;
    private volatile DbnMetadata metadata;
    private volatile long records;

    public DbnReplay(String name, Path file, ReplaySpeed speed) {
        this(name, file, speed, UnaryOperator.identity());
    }

    /** @param naming raw symbol → the symbol events carry (the worker's instrument key, e.g. ESH1 → ES) */
    public DbnReplay(String name, Path file, ReplaySpeed speed, UnaryOperator<String> naming) {
        this.naming = Objects.requireNonNull(naming, "naming");
        this.name = Objects.requireNonNull(name, "name");
        this.file = Objects.requireNonNull(file, "file");
        this.run = new ReplayRun(name, speed);
        this.quality = new InputQuality(name, 10_000, 1_000);
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

    private void play(MarketEventListener listener, ReplayedSymbols symbols) throws IOException {
        try (DbnReader reader = DbnReader.open(file)) {
            metadata = reader.metadata();
            DbnMarketEvents events = new DbnMarketEvents(reader.metadata(), naming);
            while (reader.next()) {
                DbnRecord record = reader.record();
                quality.frame();
                long recorded = record.isOhlcv() ? record.tsEvent() : record.tsRecv(); // each schema's index time
                run.awaitDue(recorded);
                long received = ReceiveClock.WALL.receivedNanos(recorded);
                String symbol = record.isMbp() || record.isMbo() ? events.symbol(record.instrumentId()) : null;
                if (symbol != null) {
                    symbols.seen(symbol, received, "replaying " + file.getFileName());
                }
                events.emit(record, received, listener);
                records = reader.records();
            }
        } catch (DbnFormatException e) {
            quality.frame();
            quality.report(InputProblem.MALFORMED_FRAME, e.offset(), e.getMessage());
            throw e;
        }
    }

    /** Waits for the end of the file; false on timeout. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return run.awaitEnd(timeout);
    }

    /** A format error is reported here too (position = byte offset), besides stopping the replay. */
    public InputQuality quality() {
        return quality;
    }

    /** Why the replay stopped before the end of the file, or null. */
    public Throwable failure() {
        return run.failure();
    }

    /** The file's metadata once the replay has read it, else null. */
    public DbnMetadata metadata() {
        return metadata;
    }

    /** Records replayed so far. */
    public long records() {
        return records;
    }

    @Override
    public void close() {
        run.close();
    }
}
