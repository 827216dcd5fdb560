package com.alphacast.feeds.databento;

/** DBN schema codes as the metadata header stores them, for messages and for telling a file's kind. */
public enum DbnSchema {
    MBO(0), MBP_1(1), MBP_10(2), TBBO(3), TRADES(4), OHLCV_1S(5), OHLCV_1M(6), OHLCV_1H(7), OHLCV_1D(8),
    DEFINITION(9), STATISTICS(10), STATUS(11), IMBALANCE(12), OHLCV_EOD(13), CMBP_1(14), CBBO_1S(15),
    CBBO_1M(16), TCBBO(17), BBO_1S(18), BBO_1M(19), MIXED(0xFFFF);

    private final int code;

    DbnSchema(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** @throws IllegalArgumentException for a code DBN does not define */
    public static DbnSchema of(int code) {
        for (DbnSchema schema : values()) {
            if (schema.code == code) {
                return schema;
            }
        }
        throw new IllegalArgumentException("unknown DBN schema code " + code);
    }
}
