package com.alphacast.core.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Lines of a text input, read with bounds: a line longer than the limit stops the read with an error naming the line
 * instead of being materialised (a 200 MB line of commas used to take minutes and gigabytes), a byte sequence that is
 * not valid in the file's encoding is reported with its line and column (the JDK only says "Input length = 1"), and a
 * UTF-8 byte order mark on the first line is dropped. Line ends are {@code \n}, {@code \r\n} or {@code \r}.
 */
public final class InputLines {

    /** Longest line any reader accepts by default: far above any real export's row (a few hundred characters). */
    public static final int DEFAULT_MAX_LINE = 1 << 20;

    private final Reader reader;
    private final String source;
    private final int maxLine;
    private final char[] buffer = new char[8192];
    private final StringBuilder line = new StringBuilder(256);
    private int position;
    private int limit;
    private long lineNumber;
    private boolean skipLineFeed;
    private boolean ended;

    public InputLines(Reader reader, String source, int maxLine) {
        if (maxLine < 1) {
            throw new IllegalArgumentException("maxLine must be positive, was " + maxLine);
        }
        this.reader = reader;
        this.source = source;
        this.maxLine = maxLine;
    }

    public InputLines(Reader reader, String source) {
        this(reader, source, DEFAULT_MAX_LINE);
    }

    /** 1-based number of the line last returned by {@link #next()} (0 before the first). */
    public long lineNumber() {
        return lineNumber;
    }

    public String source() {
        return source;
    }

    /** @return the next line without its terminator, or null at the end of the input */
    public String next() {
        if (ended) {
            return null;
        }
        line.setLength(0);
        boolean any = false;
        while (true) {
            if (position >= limit && !fill()) {
                ended = true;
                if (!any) {
                    return null;
                }
                return finish();
            }
            char c = buffer[position++];
            if (skipLineFeed) {
                skipLineFeed = false;
                if (c == '\n') {
                    continue;
                }
            }
            any = true;
            if (c == '\n') {
                return finish();
            }
            if (c == '\r') {
                skipLineFeed = true;
                return finish();
            }
            if (line.length() >= maxLine) {
                throw new InputFormatException(source, lineNumber + 1, maxLine + 1L,
                        "line longer than " + maxLine + " characters: not a line of this format");
            }
            line.append(c);
        }
    }

    private String finish() {
        lineNumber++;
        if (lineNumber == 1 && line.length() > 0 && line.charAt(0) == '\uFEFF') {
            line.deleteCharAt(0);
        }
        return line.toString();
    }

    private boolean fill() {
        try {
            int n = reader.read(buffer, 0, buffer.length);
            if (n <= 0) {
                return false;
            }
            position = 0;
            limit = n;
            return true;
        } catch (CharacterCodingException e) {
            throw new InputFormatException(source, lineNumber + 1, line.length() + 1L,
                    "bytes that are not valid UTF-8 (" + e.getClass().getSimpleName().replace("Exception", "")
                            + "); save the file as UTF-8", e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source, e);
        }
    }

    /**
     * A strict UTF-8 reader that hands out every character decoded before a bad byte sequence and only then fails, so
     * {@link InputLines} can name the exact line and column (the JDK's readers drop the good characters of the chunk
     * and fail at once).
     */
    public static Reader utf8(InputStream in) {
        return new StrictUtf8Reader(in);
    }

    private static final class StrictUtf8Reader extends Reader {

        private final InputStream in;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
        private CoderResult pendingError;
        private boolean eof;

        StrictUtf8Reader(InputStream in) {
            this.in = in;
        }

        @Override
        public int read(char[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (pendingError != null) {
                pendingError.throwException();
            }
            CharBuffer chars = CharBuffer.wrap(target, offset, length);
            while (chars.position() == offset) {
                CoderResult result = decoder.decode(bytes, chars, eof);
                if (result.isError()) {
                    pendingError = result;
                    if (chars.position() == offset) {
                        result.throwException();
                    }
                    break;
                }
                if (result.isOverflow()) {
                    break;
                }
                if (eof) {
                    decoder.flush(chars);
                    return chars.position() == offset ? -1 : chars.position() - offset;
                }
                bytes.compact();
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    eof = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
            }
            return chars.position() - offset;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
