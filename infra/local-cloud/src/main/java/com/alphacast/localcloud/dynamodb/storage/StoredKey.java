package com.alphacast.localcloud.dynamodb.storage;

import com.alphacast.localcloud.dynamodb.item.AttributeValue;
import com.alphacast.localcloud.dynamodb.item.ValueOrder;
import java.util.List;

/**
 * Where an item sits in a table or index: partition value, sort value (or null), and for indexes the table's key
 * after them so that items with equal index keys stay distinct and in a stable order.
 */
public record StoredKey(List<AttributeValue> parts) implements Comparable<StoredKey> {

    public StoredKey {
        parts = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(parts));
    }

    public static StoredKey of(AttributeValue... parts) {
        return new StoredKey(java.util.Arrays.asList(parts));
    }

    public AttributeValue partition() {
        return parts.get(0);
    }

    @Override
    public int compareTo(StoredKey other) {
        int n = Math.min(parts.size(), other.parts.size());
        for (int i = 0; i < n; i++) {
            AttributeValue a = parts.get(i);
            AttributeValue b = other.parts.get(i);
            if (a == null || b == null) {
                if (a != b) {
                    return a == null ? -1 : 1;
                }
                continue;
            }
            int c = ValueOrder.compare(a, b);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(parts.size(), other.parts.size());
    }
}
