package com.alphacast.localcloud.dynamodb.storage;

import java.util.List;

/**
 * A GSI or LSI: its key, what it projects (ALL, KEYS_ONLY or INCLUDE with {@code nonKeyAttributes}) and, for GSIs,
 * provisioned throughput as declared (null when on demand).
 */
public record SecondaryIndex(String name, boolean global, KeySchema key, String projectionType,
                             List<String> nonKeyAttributes, Long readCapacity, Long writeCapacity) {

    public SecondaryIndex {
        nonKeyAttributes = nonKeyAttributes == null ? null : List.copyOf(nonKeyAttributes);
    }
}
