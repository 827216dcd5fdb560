package com.alphacast.feeds.databento;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A view of the record the {@link DbnReader} has just read: one instance per reader, re-pointed at every record, so
 * decoding allocates nothing per record. Valid until the next {@link DbnReader#next()}. Fields are read where the DBN
 * layout of the record's type puts them (little-endian, offsets from the start of the record header); asking a record
 * for a field its type does not have is a programming error ({@link IllegalStateException}).
 */
public final class DbnRecord {

    /** rtypes this decoder reads. */
    public static final int RTYPE_MBP_0 = 0x00;
    public static final int RTYPE_MBP_1 = 0x01;
    public static final int RTYPE_MBP_10 = 0x0A;
    public static final int RTYPE_OHLCV_DEPRECATED = 0x11;
    public static final int RTYPE_INSTRUMENT_DEF = 0x13;
    public static final int RTYPE_OHLCV_1S = 0x20;
    public static final int RTYPE_OHLCV_EOD = 0x24;
    public static final int RTYPE_MBO = 0xA0;

    /** A price field holding no price. */
    public static final long UNDEF_PRICE = Long.MAX_VALUE;
    /** Fixed-point prices are integers of 1e-9: divided by this (exact), not multiplied by 1e-9 (3702.7500000000005). */
    public static final double PRICE_UNITS = 1e9;

    static final int HEADER_BYTES = 16;
    static final int MBP_0_BYTES = 48;
    static final int MBP_1_BYTES = 80;
    static final int LEVEL_BYTES = 32;
    static final int MBP_10_LEVELS = 10;
    static final int MBP_10_BYTES = MBP_0_BYTES + MBP_10_LEVELS * LEVEL_BYTES;
    static final int MBO_BYTES = 56;
    static final int OHLCV_BYTES = 56;
    static final int DEFINITION_V2_BYTES = 400;
    static final int DEFINITION_V3_BYTES = 520;
    private static final int RAW_SYMBOL_V2 = 200;
    private static final int RAW_SYMBOL_V3 = 238;
    private static final int SYMBOL_CSTR_LEN = 71;

    private final ByteBuffer bytes;
    private final int version;
    private int length;

    DbnRecord(byte[] buffer, int version) {
        this.bytes = ByteBuffer.wrap(buffer).order(ByteOrder.LITTLE_ENDIAN);
        this.version = version;
    }

    void point(int lengthBytes) {
        this.length = lengthBytes;
    }

    /** The size this decoder needs for a record of {@code rtype} in {@code version}, or -1 for an rtype it does not read. */
    static int expectedBytes(int rtype, int version) {
        if (rtype == RTYPE_MBP_0) {
            return MBP_0_BYTES;
        }
        if (rtype == RTYPE_MBP_1) {
            return MBP_1_BYTES;
        }
        if (rtype == RTYPE_MBP_10) {
            return MBP_10_BYTES;
        }
        if (rtype == RTYPE_MBO) {
            return MBO_BYTES;
        }
        if (rtype == RTYPE_OHLCV_DEPRECATED || (rtype >= RTYPE_OHLCV_1S && rtype <= RTYPE_OHLCV_EOD)) {
            return OHLCV_BYTES;
        }
        if (rtype == RTYPE_INSTRUMENT_DEF) {
            return version == 2 ? DEFINITION_V2_BYTES : DEFINITION_V3_BYTES;
        }
        return -1;
    }

    public int version() {
        return version;
    }

    /** Record length in bytes, as its header says. */
    public int length() {
        return length;
    }

    public int rtype() {
        return bytes.get(1) & 0xFF;
    }

    public int publisherId() {
        return bytes.getShort(2) & 0xFFFF;
    }

    public long instrumentId() {
        return bytes.getInt(4) & 0xFFFF_FFFFL;
    }

    /** Exchange time, epoch nanoseconds. */
    public long tsEvent() {
        return bytes.getLong(8);
    }

    public boolean isMbp() {
        int r = rtype();
        return r == RTYPE_MBP_0 || r == RTYPE_MBP_1 || r == RTYPE_MBP_10;
    }

    public boolean isMbo() {
        return rtype() == RTYPE_MBO;
    }

    public boolean isOhlcv() {
        int r = rtype();
        return r == RTYPE_OHLCV_DEPRECATED || (r >= RTYPE_OHLCV_1S && r <= RTYPE_OHLCV_EOD);
    }

    public boolean isInstrumentDefinition() {
        return rtype() == RTYPE_INSTRUMENT_DEF;
    }

    /** Raw fixed-point price (1e-9), {@link #UNDEF_PRICE} when none. */
    public long priceRaw() {
        return bytes.getLong(isMbo() ? 24 : requireMbp(16));
    }

    public long size() {
        return bytes.getInt(isMbo() ? 32 : requireMbp(24)) & 0xFFFF_FFFFL;
    }

    /** {@code A}dd, {@code C}ancel, {@code M}odify, clea{@code R} book, {@code T}rade, {@code F}ill, {@code N}one. */
    public char action() {
        return (char) (bytes.get(isMbo() ? 38 : requireMbp(28)) & 0xFF);
    }

    /** {@code A}sk, {@code B}id or {@code N}one; for a trade, the aggressor's side. */
    public char side() {
        return (char) (bytes.get(isMbo() ? 39 : requireMbp(29)) & 0xFF);
    }

    public int flags() {
        return bytes.get(isMbo() ? 36 : requireMbp(30)) & 0xFF;
    }

    /** Book level the event changed (MBP). */
    public int depth() {
        return bytes.get(requireMbp(31)) & 0xFF;
    }

    /** When Databento received the event, epoch nanoseconds. */
    public long tsRecv() {
        if (isInstrumentDefinition()) {
            return bytes.getLong(16);
        }
        return bytes.getLong(isMbo() ? 40 : requireMbp(32));
    }

    public int tsInDelta() {
        return bytes.getInt(isMbo() ? 48 : requireMbp(40));
    }

    public long sequence() {
        return bytes.getInt(isMbo() ? 52 : requireMbp(44)) & 0xFFFF_FFFFL;
    }

    public long orderId() {
        return bytes.getLong(requireMbo(16));
    }

    public int channelId() {
        return bytes.get(requireMbo(37)) & 0xFF;
    }

    /** Book levels the record carries: 1 for MBP-1/TBBO, 10 for MBP-10, 0 for trades. */
    public int levels() {
        int r = rtype();
        return r == RTYPE_MBP_1 ? 1 : r == RTYPE_MBP_10 ? MBP_10_LEVELS : 0;
    }

    public long bidPriceRaw(int level) {
        return bytes.getLong(level(level));
    }

    public long askPriceRaw(int level) {
        return bytes.getLong(level(level) + 8);
    }

    public long bidSize(int level) {
        return bytes.getInt(level(level) + 16) & 0xFFFF_FFFFL;
    }

    public long askSize(int level) {
        return bytes.getInt(level(level) + 20) & 0xFFFF_FFFFL;
    }

    public long bidCount(int level) {
        return bytes.getInt(level(level) + 24) & 0xFFFF_FFFFL;
    }

    public long askCount(int level) {
        return bytes.getInt(level(level) + 28) & 0xFFFF_FFFFL;
    }

    public long openRaw() {
        return bytes.getLong(requireOhlcv(16));
    }

    public long highRaw() {
        return bytes.getLong(requireOhlcv(24));
    }

    public long lowRaw() {
        return bytes.getLong(requireOhlcv(32));
    }

    public long closeRaw() {
        return bytes.getLong(requireOhlcv(40));
    }

    public long volume() {
        return bytes.getLong(requireOhlcv(48));
    }

    /** The venue's symbol in an instrument definition (allocates: definitions are rare). */
    public String rawSymbol() {
        if (!isInstrumentDefinition()) {
            throw wrongField("raw_symbol");
        }
        int at = version == 2 ? RAW_SYMBOL_V2 : RAW_SYMBOL_V3;
        byte[] array = bytes.array();
        int end = at;
        while (end < at + SYMBOL_CSTR_LEN && array[end] != 0) {
            end++;
        }
        return new String(array, at, end - at, StandardCharsets.US_ASCII);
    }

    /** A fixed-point price as a double; NaN for {@link #UNDEF_PRICE}. */
    public static double price(long raw) {
        return raw == UNDEF_PRICE ? Double.NaN : raw / PRICE_UNITS;
    }

    private int level(int level) {
        if (level < 0 || level >= levels()) {
            throw new IllegalStateException("rtype 0x" + Integer.toHexString(rtype()) + " has no book level " + level);
        }
        return MBP_0_BYTES + level * LEVEL_BYTES;
    }

    private int requireMbp(int offset) {
        if (!isMbp()) {
            throw wrongField("an MBP field");
        }
        return offset;
    }

    private int requireMbo(int offset) {
        if (!isMbo()) {
            throw wrongField("an MBO field");
        }
        return offset;
    }

    private int requireOhlcv(int offset) {
        if (!isOhlcv()) {
            throw wrongField("an OHLCV field");
        }
        return offset;
    }

    private IllegalStateException wrongField(String field) {
        return new IllegalStateException("a record of rtype 0x" + Integer.toHexString(rtype()) + " has no " + field);
    }
}
