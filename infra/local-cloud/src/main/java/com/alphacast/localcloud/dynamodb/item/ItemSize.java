package com.alphacast.localcloud.dynamodb.item;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Item sizes as the DynamoDB Developer Guide documents them: attribute names plus values in UTF-8; a number is about
 * one byte per two significant digits plus one; lists and maps cost 3 bytes plus 1 per element.
 */
public final class ItemSize {

    /** DynamoDB's item size limit, 400 KB. */
    public static final int MAX_ITEM_BYTES = 400 * 1024;

    private ItemSize() {
    }

    public static long of(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + of(attribute.getValue());
        }
        return size;
    }

    public static long of(AttributeValue value) {
        if (value instanceof AttributeValue.S s) {
            return utf8(s.value());
        }
        if (value instanceof AttributeValue.N n) {
            return number(n.value());
        }
        if (value instanceof AttributeValue.B b) {
            return b.value().length();
        }
        if (value instanceof AttributeValue.Bool || value instanceof AttributeValue.Null) {
            return 1;
        }
        if (value instanceof AttributeValue.L l) {
            long size = 3;
            for (AttributeValue element : l.values()) {
                size += 1 + of(element);
            }
            return size;
        }
        if (value instanceof AttributeValue.M m) {
            long size = 3;
            for (Map.Entry<String, AttributeValue> entry : m.values().entrySet()) {
                size += 1 + utf8(entry.getKey()) + of(entry.getValue());
            }
            return size;
        }
        if (value instanceof AttributeValue.SS ss) {
            return ss.values().stream().mapToLong(ItemSize::utf8).sum();
        }
        if (value instanceof AttributeValue.NS ns) {
            return ns.values().stream().mapToLong(ItemSize::number).sum();
        }
        AttributeValue.BS bs = (AttributeValue.BS) value;
        return bs.values().stream().mapToLong(AttributeValue.Binary::length).sum();
    }

    public static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static long number(BigDecimal value) {
        int digits = value.signum() == 0 ? 1 : value.precision();
        return (digits + 1) / 2 + 1;
    }
}
