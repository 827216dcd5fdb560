package com.alphacast.bots.inbound;

import java.util.HexFormat;

/** Hex decoding with errors that say what was wrong. */
public final class Hex {

    private Hex() {
    }

    public static byte[] decode(String text, String what) {
        String value = text == null ? "" : text.strip();
        if (value.length() % 2 != 0) {
            throw new IllegalArgumentException(what + " must be hex with an even number of digits, has " + value.length());
        }
        try {
            return HexFormat.of().parseHex(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not hex: " + e.getMessage(), e);
        }
    }
}
