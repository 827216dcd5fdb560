package com.alphacast.core.feed.cboe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * Reads a recorded CBOE chain in either of its forms, told apart by the first character that is not white space: the
 * delayed-quotes JSON opens an object, the {@code quotedata.csv} export opens with its name line (after a blank one).
 */
public final class CboeChainReader {

    private static final int PEEK = 1 << 15;

    public CboeQuoteData read(Reader reader, String source) {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        try {
            return isJson(in) ? new CboeDelayedQuotesParser().parse(in, source)
                    : new CboeQuoteDataParser().parse(in, source);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot read", e);
        }
    }

    private static boolean isJson(BufferedReader in) throws IOException {
        in.mark(PEEK);
        try {
            int c = in.read();
            for (int read = 1; c >= 0 && Character.isWhitespace(c) && read < PEEK - 1; read++) {
                c = in.read();
            }
            return c == '{';
        } finally {
            in.reset();
        }
    }
}
