package com.alphacast.core.feed.trades;

import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.market.Quote;
import com.alphacast.core.market.Trade;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Trades CSV rows as {@link TradeRow} records, for callers that hold a whole file or read text (the VPIN analysis, the
 * demo's session date, tests). The format, its checks and its errors are {@link TradeCsvDecoder}'s, which this feeds
 * with the text's UTF-8 bytes; the replay uses the decoder directly and allocates nothing per row. One reader per
 * thread: it keeps the decoder's buffers.
 */
public final class TradeCsvReader {

    private final TradeCsvDecoder decoder;

    public TradeCsvReader(String defaultSymbol, ZoneId zone) {
        this.decoder = new TradeCsvDecoder(defaultSymbol, zone);
    }

    public TradeCsvReader(String defaultSymbol) {
        this(defaultSymbol, ZoneId.of("UTC"));
    }

    /** Reads every row; the first malformed line stops the read. The caller opens and closes the reader. */
    public List<TradeRow> read(Reader reader, String source) {
        List<TradeRow> rows = new ArrayList<>();
        forEachRow(reader, source, rows::add, bad -> {
            throw bad;
        });
        return rows;
    }

    /**
     * Streams rows to {@code rows}; a malformed data line goes to {@code badLines} (which may rethrow to stop,
     * or count and continue). A missing header always stops the read.
     */
    public void forEachRow(Reader reader, String source, Consumer<TradeRow> rows,
                           Consumer<InputFormatException> badLines) {
        decoder.decode(new Utf8Encoded(reader), source, new TradeCsvDecoder.TradeSink() {
            private Quote quote;

            @Override
            public void onQuote(String symbol, long epochMillis, double bidPrice, double bidSize, double askPrice,
                                double askSize) {
                quote = new Quote(symbol, epochMillis, bidPrice, bidSize, askPrice, askSize);
            }

            @Override
            public void onTrade(String symbol, long epochMillis, double price, long size, Aggressor aggressor,
                                long line) {
                rows.accept(new TradeRow(new Trade(symbol, epochMillis, price, size), aggressor, quote, line));
                quote = null;
            }
        }, badLines);
    }

    /**
     * The reader's text as UTF-8 bytes. Bytes encoded before a failure of the reader (a strict decoder meeting bad
     * input) are handed over first, so the decoder names the line and column where the bad input starts.
     */
    private static final class Utf8Encoded extends InputStream {

        private final Reader reader;
        private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final CharBuffer chars = CharBuffer.allocate(8192).flip();
        private final ByteBuffer bytes = ByteBuffer.allocate(8192 * 3).flip();
        private IOException pending;
        private boolean endOfText;
        private boolean flushed;

        Utf8Encoded(Reader reader) {
            this.reader = reader;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (!bytes.hasRemaining()) {
                if (pending != null) {
                    throw pending;
                }
                if (flushed) {
                    return -1;
                }
                bytes.clear();
                try {
                    readChars();
                } catch (IOException e) {
                    pending = e;
                }
                CoderResult result = encoder.encode(chars, bytes, endOfText);
                if (result.isError()) {
                    try {
                        result.throwException();
                    } catch (IOException e) {
                        pending = e;
                    }
                } else if (endOfText && pending == null && !chars.hasRemaining()) {
                    encoder.flush(bytes);
                    flushed = true;
                }
                bytes.flip();
            }
            int n = Math.min(length, bytes.remaining());
            bytes.get(target, offset, n);
            return n;
        }

        private void readChars() throws IOException {
            if (endOfText) {
                return;
            }
            chars.compact();
            try {
                int n = reader.read(chars.array(), chars.position(), chars.remaining());
                if (n < 0) {
                    endOfText = true;
                } else {
                    chars.position(chars.position() + n);
                }
            } finally {
                chars.flip();
            }
        }
    }
}
