package com.alphacast.localcloud.dynamodb.item;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** DynamoDB's ordering of scalar values: numbers numerically, strings and binaries by unsigned UTF-8 bytes. */
public final class ValueOrder {

    private ValueOrder() {
    }

    /** Whether {@code <}, {@code >}, BETWEEN can compare the two (same scalar type S, N or B). */
    public static boolean comparable(AttributeValue a, AttributeValue b) {
        return a != null && b != null && a.type().equals(b.type())
                && (a instanceof AttributeValue.S || a instanceof AttributeValue.N || a instanceof AttributeValue.B);
    }

    /** Compares two values of the same scalar type. */
    public static int compare(AttributeValue a, AttributeValue b) {
        if (a instanceof AttributeValue.N x && b instanceof AttributeValue.N y) {
            return x.value().compareTo(y.value());
        }
        if (a instanceof AttributeValue.S x && b instanceof AttributeValue.S y) {
            return Arrays.compareUnsigned(x.value().getBytes(StandardCharsets.UTF_8),
                    y.value().getBytes(StandardCharsets.UTF_8));
        }
        if (a instanceof AttributeValue.B x && b instanceof AttributeValue.B y) {
            return x.value().compareTo(y.value());
        }
        // Different key types cannot meet in one table; order by type name to stay total.
        return a.type().compareTo(b.type());
    }
}
