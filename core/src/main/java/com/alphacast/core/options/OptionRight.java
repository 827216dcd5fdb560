package com.alphacast.core.options;

/** Call or put. */
public enum OptionRight {
    CALL('C'),
    PUT('P');

    private final char code;

    OptionRight(char code) {
        this.code = code;
    }

    /** The OCC code letter. */
    public char code() {
        return code;
    }

    public static OptionRight fromCode(char c) {
        return switch (c) {
            case 'C', 'c' -> CALL;
            case 'P', 'p' -> PUT;
            default -> throw new IllegalArgumentException("option right must be C or P, was '" + c + "'");
        };
    }
}
