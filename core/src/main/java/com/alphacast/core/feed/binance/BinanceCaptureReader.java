package com.alphacast.core.feed.binance;

import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.feed.InputLines;
import com.alphacast.core.text.TerminalText;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Binance market data captured one message per line, in any of these line shapes:
 * <ul>
 *   <li>cryptofeed's REST capture: {@code <url> -> <recv_ts>: <json>} (the symbol comes from the URL's
 *       {@code symbol=} parameter);</li>
 *   <li>cryptofeed's WebSocket capture: {@code <recv_ts>: <json>}, after a first line {@code <wss url> <-> <ts>};</li>
 *   <li>hftbacktest's capture: {@code <receive epoch nanoseconds> <json>}, the REST snapshot inline among the
 *       stream messages;</li>
 *   <li>plain JSONL: one raw message per line.</li>
 * </ul>
 * Blank lines and the WebSocket connection line are skipped; any other line without a JSON object is an error naming
 * file, line and column. A snapshot carrying no symbol (hftbacktest's inline one) takes the symbol of the stream
 * messages before it. URLs seen on the way (REST or WebSocket) tell which market the capture is from
 * ({@link #marketFromUrls()}). The caller opens and closes the reader.
 */
public final class BinanceCaptureReader {

    private static final Pattern SYMBOL_PARAM = Pattern.compile("[?&]symbol=([A-Za-z0-9_]+)");
    private static final Pattern TIMESTAMP = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*");
    private static final Pattern NANOS_PREFIX = Pattern.compile("(\\d{16,19}) ");

    /** Receives each decoded line; the decoder's state is valid during the call only. */
    @FunctionalInterface
    public interface DecodedLines {
        void accept(BinanceStreamDecoder message, double receivedEpochSec, long line);
    }

    private final BinanceStreamDecoder decoder = new BinanceStreamDecoder();
    private final String defaultSymbol;
    private double received;
    private String lastStreamSymbol;
    private BinanceMarket urlMarket;

    /** @param defaultSymbol symbol for snapshots that carry none (plain JSONL); may be null */
    public BinanceCaptureReader(String defaultSymbol) {
        this.defaultSymbol = defaultSymbol;
    }

    public List<CapturedMessage> readAll(Reader reader, String source) {
        List<CapturedMessage> out = new ArrayList<>();
        read(reader, source, out::add);
        return out;
    }

    public void read(Reader reader, String source, Consumer<CapturedMessage> sink) {
        read(reader, source, sink, bad -> {
            throw bad;
        });
    }

    /**
     * Streams messages to {@code sink}; a line that cannot be decoded goes to {@code badLines}, which may rethrow to
     * stop or count and continue (as a replay does). Unreadable input (I/O, invalid UTF-8) always stops.
     */
    public void read(Reader reader, String source, Consumer<CapturedMessage> sink,
                     Consumer<InputFormatException> badLines) {
        stream(reader, source, (m, receivedEpochSec, line) ->
                sink.accept(new CapturedMessage(m.message(), receivedEpochSec, line)), badLines);
    }

    /**
     * Streams the decoded lines without keeping them (a replay applying them as it reads): hftbacktest lines and the
     * messages in them are decoded without allocating beyond the line's own String.
     */
    public void stream(Reader reader, String source, DecodedLines sink, Consumer<InputFormatException> badLines) {
        InputLines in = new InputLines(reader, source);
        String text;
        while ((text = in.next()) != null) {
            boolean decoded;
            try {
                decoded = decodeLine(text, source, in.lineNumber());
            } catch (InputFormatException bad) {
                badLines.accept(bad);
                continue;
            }
            if (decoded) {
                sink.accept(decoder, received, in.lineNumber());
            }
        }
    }

    /** @return whether the line held a message (then in {@link #decoder}, its receive time in {@link #received}) */
    private boolean decodeLine(String text, String source, long line) {
        int brace = text.indexOf('{');
        if (brace < 0) {
            if (text.isBlank()) {
                return false;
            }
            if (text.contains(" <-> ")) {
                noteUrl(text);
                return false; // WebSocket connection line of a cryptofeed capture
            }
            throw new InputFormatException(source, line, 1, "expected a JSON message on this line");
        }
        String symbolHint = defaultSymbol != null ? defaultSymbol : lastStreamSymbol;
        received = epochNanosPrefix(text, brace);
        if (Double.isNaN(received)) {
            symbolHint = readPrefix(text.substring(0, brace), symbolHint, source, line);
        }
        BinanceStreamDecoder.Kind kind = decoder.decode(text, brace, symbolHint, source, line);
        if (kind != BinanceStreamDecoder.Kind.SNAPSHOT) {
            lastStreamSymbol = decoder.symbol();
        }
        return true;
    }

    /**
     * hftbacktest's {@code <receive epoch nanoseconds> } prefix read in place, in seconds; NaN for any other prefix.
     * A long's conversion to double is correctly rounded, as the regular path's parse of the same digits.
     */
    private static double epochNanosPrefix(String text, int brace) {
        int digits = brace - 1;
        if (digits < 16 || digits > 19 || text.charAt(digits) != ' ') {
            return Double.NaN;
        }
        long v = 0;
        for (int i = 0; i < digits; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9' || v > (Long.MAX_VALUE - (c - '0')) / 10) {
                return Double.NaN; // not digits, or beyond a long: the regular path reads it
            }
            v = v * 10 + (c - '0');
        }
        return v / 1e9;
    }

    /** Reads a prefix other than hftbacktest's fast one into {@link #received}; returns the symbol hint. */
    private String readPrefix(String prefix, String symbolHint, String source, long line) {
        Matcher nanos = NANOS_PREFIX.matcher(prefix);
        if (nanos.matches()) {
            received = Double.parseDouble(nanos.group(1)) / 1e9; // 19 digits can exceed a long
        } else if (!prefix.isBlank()) {
            String stamp = prefix;
            int arrow = prefix.indexOf(" -> ");
            if (arrow >= 0) {
                noteUrl(prefix.substring(0, arrow));
                Matcher sm = SYMBOL_PARAM.matcher(prefix.substring(0, arrow));
                if (sm.find()) {
                    symbolHint = sm.group(1);
                }
                stamp = prefix.substring(arrow + 4);
            }
            int colon = stamp.lastIndexOf(':');
            if (colon < 0 || !stamp.substring(colon + 1).isBlank()) {
                throw new InputFormatException(source, line, 1,
                        "expected '<receive time>: <json>' or '<url> -> <receive time>: <json>'");
            }
            Matcher tm = TIMESTAMP.matcher(stamp.substring(0, colon));
            if (!tm.matches()) {
                throw new InputFormatException(source, line, arrow >= 0 ? arrow + 5 : 1,
                        "unparseable receive time '" + TerminalText.excerpt(stamp.substring(0, colon).trim()) + "'");
            }
            received = Double.parseDouble(tm.group(1));
            if (!Double.isFinite(received)) {
                throw new InputFormatException(source, line, 1, "receive time out of range");
            }
        }
        return symbolHint;
    }

    private void noteUrl(String text) {
        BinanceMarket market = BinanceMarket.fromUrl(text);
        if (market != null) {
            urlMarket = market;
        }
    }

    /** The market the URLs read so far point at (REST snapshot or WebSocket host), or null if none said. */
    public BinanceMarket marketFromUrls() {
        return urlMarket;
    }
}
