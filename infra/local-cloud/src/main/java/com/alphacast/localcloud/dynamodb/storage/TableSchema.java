package com.alphacast.localcloud.dynamodb.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything CreateTable declared about a table. Capacities are null for on-demand tables; {@code streamViewType} is
 * null unless a stream was enabled (it is described, but reading streams is not offered).
 */
public record TableSchema(String name, KeySchema key, List<KeyAttribute> attributeDefinitions,
                          List<SecondaryIndex> indexes, String billingMode, Long readCapacity, Long writeCapacity,
                          String streamViewType, Instant created) {

    public TableSchema {
        attributeDefinitions = List.copyOf(attributeDefinitions);
        indexes = List.copyOf(indexes);
    }

    public Optional<SecondaryIndex> index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
    }
}
