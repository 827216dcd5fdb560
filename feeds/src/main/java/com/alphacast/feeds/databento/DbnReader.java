package com.alphacast.feeds.databento;

import com.github.luben.zstd.ZstdInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Streams a Databento DBN recording (versions 2 and 3, plain or zstd-compressed): the metadata header once, then one
 * record at a time into a reused buffer ({@link #record()}), so memory stays flat whatever the file's size. Anything
 * that is not DBN as this decoder knows it (bad magic, version 1 or a future one, an rtype it does not read, a record
 * shorter than its type, a file that ends inside the header or a record) throws {@link DbnFormatException} naming
 * the file, the byte offset and the problem: never a silent partial read.
 */
public final class DbnReader implements AutoCloseable {

    private static final int ZSTD_MAGIC = 0xFD2FB528;
    private static final int FIXED_METADATA_BYTES = 100;
    private static final int RESERVED_BYTES = 53;
    private static final int MAX_METADATA_BYTES = 64 << 20;
    private static final int MAX_RECORD_BYTES = 255 * 4;

    private final InputStream in;
    private final String name;
    private final DbnMetadata metadata;
    private final byte[] buffer = new byte[MAX_RECORD_BYTES];
    private final DbnRecord record;
    private long offset;
    private long recordOffset;
    private long records;

    /** Opens {@code file}, decompressing it when it is a zstd stream (told by its first bytes, not its name). */
    public static DbnReader open(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException(file + ": no such readable DBN recording");
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            raw.mark(4);
            byte[] head = raw.readNBytes(4);
            raw.reset();
            boolean zstd = head.length == 4 && ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt() == ZSTD_MAGIC;
            InputStream in = zstd ? new BufferedInputStream(new ZstdInputStream(raw), 1 << 16) : raw;
            return new DbnReader(in, file.toString());
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** Reads the metadata header from {@code in} (already decompressed); {@code name} appears in every error. */
    public DbnReader(InputStream in, String name) {
        this.in = Objects.requireNonNull(in, "in");
        this.name = Objects.requireNonNull(name, "name");
        this.metadata = readMetadata();
        this.record = new DbnRecord(buffer, metadata.version());
    }

    public DbnMetadata metadata() {
        return metadata;
    }

    /**
     * Reads the next record.
     *
     * @return false at the end of the file, reached cleanly between two records
     * @throws DbnFormatException on anything else
     */
    public boolean next() {
        recordOffset = offset;
        int first = readByte();
        if (first < 0) {
            return false;
        }
        int length = first * 4;
        if (length < DbnRecord.HEADER_BYTES) {
            throw fail(recordOffset, "record length " + length + " bytes is shorter than the 16-byte record header");
        }
        buffer[0] = (byte) first;
        readFully(buffer, 1, length - 1, recordOffset, "record", length);
        int rtype = buffer[1] & 0xFF;
        int expected = DbnRecord.expectedBytes(rtype, metadata.version());
        if (expected < 0) {
            throw fail(recordOffset, "DBN version " + metadata.version() + " record of rtype 0x"
                    + Integer.toHexString(rtype) + " is not one this decoder reads (trades 0x0, MBP-1 0x1, MBP-10 0xa, "
                    + "MBO 0xa0, OHLCV 0x11/0x20-0x24, instrument definition 0x13)");
        }
        if (length < expected) {
            throw fail(recordOffset, "record of rtype 0x" + Integer.toHexString(rtype) + " is " + length
                    + " bytes long, its DBN version " + metadata.version() + " layout needs " + expected);
        }
        record.point(length);
        records++;
        return true;
    }

    /** The record {@link #next()} read; the same instance every time. */
    public DbnRecord record() {
        return record;
    }

    /** Byte offset (decompressed) where the current record starts. */
    public long recordOffset() {
        return recordOffset;
    }

    /** Records read so far. */
    public long records() {
        return records;
    }

    public String name() {
        return name;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private DbnMetadata readMetadata() {
        byte[] prelude = new byte[8];
        // magic and version first, so a file cut right after them still says which version it is
        readFully(prelude, 0, 4, 0, "DBN magic and version", 4);
        if (prelude[0] != 'D' || prelude[1] != 'B' || prelude[2] != 'N') {
            throw fail(0, "not a DBN file: it starts with bytes " + hex(prelude, 3) + ", a DBN file with \"DBN\"");
        }
        int version = prelude[3] & 0xFF;
        if (version != 2 && version != 3) {
            throw fail(3, "DBN version " + version + " is not supported (versions 2 and 3 are)");
        }
        readFully(prelude, 4, 4, 4, "metadata length", 4);
        long length = ByteBuffer.wrap(prelude, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFF_FFFFL;
        if (length < FIXED_METADATA_BYTES || length > MAX_METADATA_BYTES) {
            throw fail(4, "metadata length " + length + " bytes is outside " + FIXED_METADATA_BYTES + ".."
                    + MAX_METADATA_BYTES);
        }
        byte[] body = new byte[(int) length];
        readFully(body, 0, body.length, 8, "metadata", length);
        ByteBuffer meta = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        try {
            String dataset = cstr(meta, 16);
            int schema = meta.getShort() & 0xFFFF;
            long start = meta.getLong();
            long end = meta.getLong();
            long limit = meta.getLong();
            int stypeIn = meta.get() & 0xFF;
            int stypeOut = meta.get() & 0xFF;
            boolean tsOut = meta.get() != 0;
            int symbolLength = meta.getShort() & 0xFFFF;
            if (symbolLength == 0) {
                throw fail(8 + meta.position() - 2, "metadata symbol length is 0");
            }
            meta.position(meta.position() + RESERVED_BYTES);
            int schemaDefinition = meta.getInt();
            if (schemaDefinition != 0) {
                throw fail(8 + meta.position() - 4, "metadata carries a " + schemaDefinition
                        + "-byte schema definition, which DBN does not define");
            }
            List<String> symbols = symbolList(meta, symbolLength);
            List<String> partial = symbolList(meta, symbolLength);
            List<String> notFound = symbolList(meta, symbolLength);
            int mappingCount = count(meta, "mappings");
            List<DbnMetadata.SymbolMapping> mappings = new ArrayList<>(mappingCount);
            for (int i = 0; i < mappingCount; i++) {
                String raw = cstr(meta, symbolLength);
                int intervals = count(meta, "mapping intervals");
                List<DbnMetadata.MappingInterval> list = new ArrayList<>(intervals);
                for (int j = 0; j < intervals; j++) {
                    int startDate = meta.getInt();
                    int endDate = meta.getInt();
                    list.add(new DbnMetadata.MappingInterval(startDate, endDate, cstr(meta, symbolLength)));
                }
                mappings.add(new DbnMetadata.SymbolMapping(raw, list));
            }
            try {
                DbnSchema.of(schema);
            } catch (IllegalArgumentException e) {
                throw fail(8 + 16, e.getMessage());
            }
            return new DbnMetadata(version, dataset, schema, start, end, limit, stypeIn, stypeOut, tsOut, symbols,
                    partial, notFound, mappings);
        } catch (BufferUnderflowException e) {
            throw fail(8 + meta.position(), "metadata ends inside a field (its length says " + length + " bytes)");
        }
    }

    private int count(ByteBuffer meta, String what) {
        int at = meta.position();
        long n = meta.getInt() & 0xFFFF_FFFFL;
        if (n > meta.remaining()) {
            throw fail(8 + at, "metadata says " + n + " " + what + " but only " + meta.remaining() + " bytes remain");
        }
        return (int) n;
    }

    private List<String> symbolList(ByteBuffer meta, int symbolLength) {
        int n = count(meta, "symbols");
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(cstr(meta, symbolLength));
        }
        return list;
    }

    private static String cstr(ByteBuffer meta, int width) {
        int at = meta.position();
        if (meta.remaining() < width) {
            throw new BufferUnderflowException();
        }
        int end = at;
        while (end < at + width && meta.get(end) != 0) {
            end++;
        }
        meta.position(at + width);
        return new String(meta.array(), at, end - at, StandardCharsets.US_ASCII);
    }

    private int readByte() {
        try {
            int b = in.read();
            if (b >= 0) {
                offset++;
            }
            return b;
        } catch (IOException e) {
            throw fail(offset, "cannot read: " + e.getMessage(), e);
        }
    }

    /** {@code what} and {@code size} name the part in an error; the message is built only then (no garbage per record). */
    private void readFully(byte[] into, int from, int length, long startedAt, String what, long size) {
        int done = 0;
        try {
            while (done < length) {
                int n = in.read(into, from + done, length - done);
                if (n < 0) {
                    throw fail(startedAt, "truncated: the file ends inside the " + what + " of " + size
                            + " bytes (" + (length - done) + " bytes missing)");
                }
                done += n;
                offset += n;
            }
        } catch (IOException e) {
            throw fail(offset, "cannot read the " + what + " of " + size + " bytes: " + e.getMessage(), e);
        }
    }

    private DbnFormatException fail(long at, String problem) {
        return new DbnFormatException(name, at, problem);
    }

    private DbnFormatException fail(long at, String problem, Throwable cause) {
        return new DbnFormatException(name, at, problem, cause);
    }

    private static String hex(byte[] bytes, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(String.format("%02x", bytes[i] & 0xFF));
        }
        return s.toString();
    }
}
