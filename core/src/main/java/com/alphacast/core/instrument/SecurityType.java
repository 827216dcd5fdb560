package com.alphacast.core.instrument;

import java.util.Arrays;
import java.util.Locale;

/** The security types of Lean's symbol-properties database, by the name its {@code type} column uses. */
public enum SecurityType {
    EQUITY, OPTION, INDEX, INDEXOPTION, FUTURE, FUTUREOPTION, FOREX, CFD, CRYPTO, CRYPTOFUTURE;

    /** The type the database's {@code type} column names, e.g. {@code indexoption}. */
    public static SecurityType fromColumn(String value) {
        for (SecurityType type : values()) {
            if (type.column().equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown security type '" + value + "', expected one of "
                + Arrays.stream(values()).map(SecurityType::column).toList());
    }

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
