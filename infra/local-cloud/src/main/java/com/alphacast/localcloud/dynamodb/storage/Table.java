package com.alphacast.localcloud.dynamodb.storage;

import com.alphacast.localcloud.dynamodb.item.AttributeValue;
import com.alphacast.localcloud.dynamodb.item.ItemSize;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One table's items in key order, with one sorted view per secondary index kept in step on every write. Not
 * thread-safe: {@link Database} guards it.
 */
public final class Table {

    private final TableSchema schema;
    private final NavigableMap<StoredKey, Map<String, AttributeValue>> items = new TreeMap<>();
    private final Map<String, NavigableMap<StoredKey, StoredKey>> indexes = new HashMap<>();
    private String ttlAttribute;
    private long sizeBytes;

    public Table(TableSchema schema) {
        this.schema = schema;
        schema.indexes().forEach(index -> indexes.put(index.name(), new TreeMap<>()));
    }

    public TableSchema schema() {
        return schema;
    }

    public String name() {
        return schema.name();
    }

    /** The TTL attribute when TTL is enabled, else null. */
    public String ttlAttribute() {
        return ttlAttribute;
    }

    public void ttlAttribute(String attribute) {
        this.ttlAttribute = attribute;
    }

    public StoredKey keyOf(Map<String, AttributeValue> item) {
        KeySchema key = schema.key();
        return key.hasSort() ? StoredKey.of(item.get(key.partition().name()), item.get(key.sort().name()))
                : StoredKey.of(item.get(key.partition().name()));
    }

    /** The key attributes alone, as DynamoDB returns them in LastEvaluatedKey and UnprocessedKeys. */
    public Map<String, AttributeValue> keyAttributes(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (KeyAttribute attribute : schema.key().attributes()) {
            key.put(attribute.name(), item.get(attribute.name()));
        }
        return key;
    }

    /** The item under the key, expired or not; null if none. */
    public Map<String, AttributeValue> stored(StoredKey key) {
        return items.get(key);
    }

    /** The item under the key unless absent or expired at {@code now}. */
    public Map<String, AttributeValue> live(StoredKey key, Instant now) {
        Map<String, AttributeValue> item = items.get(key);
        return item == null || isExpired(item, now) ? null : item;
    }

    public NavigableMap<StoredKey, Map<String, AttributeValue>> items() {
        return items;
    }

    public NavigableMap<StoredKey, StoredKey> index(String name) {
        return indexes.get(name);
    }

    /** Stores the item (replacing any under the same key) and returns the previous one or null. */
    public Map<String, AttributeValue> put(Map<String, AttributeValue> item) {
        StoredKey key = keyOf(item);
        Map<String, AttributeValue> stored = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(item));
        Map<String, AttributeValue> old = items.put(key, stored);
        if (old != null) {
            sizeBytes -= ItemSize.of(old);
            unindex(key, old);
        }
        sizeBytes += ItemSize.of(stored);
        for (SecondaryIndex index : schema.indexes()) {
            if (index.key().indexes(stored)) {
                indexes.get(index.name()).put(indexKey(index, stored, key), key);
            }
        }
        return old;
    }

    public Map<String, AttributeValue> delete(StoredKey key) {
        Map<String, AttributeValue> old = items.remove(key);
        if (old != null) {
            sizeBytes -= ItemSize.of(old);
            unindex(key, old);
        }
        return old;
    }

    private void unindex(StoredKey key, Map<String, AttributeValue> old) {
        for (SecondaryIndex index : schema.indexes()) {
            if (index.key().indexes(old)) {
                indexes.get(index.name()).remove(indexKey(index, old, key));
            }
        }
    }

    /** Position of an item in an index: index partition, index sort (if any), then the table key. */
    public StoredKey indexKey(SecondaryIndex index, Map<String, AttributeValue> item, StoredKey tableKey) {
        java.util.List<AttributeValue> parts = new java.util.ArrayList<>();
        parts.add(item.get(index.key().partition().name()));
        if (index.key().hasSort()) {
            parts.add(item.get(index.key().sort().name()));
        }
        parts.addAll(tableKey.parts());
        return new StoredKey(parts);
    }

    public boolean isExpired(Map<String, AttributeValue> item, Instant now) {
        if (ttlAttribute == null) {
            return false;
        }
        AttributeValue value = item.get(ttlAttribute);
        return value instanceof AttributeValue.N n
                && n.value().compareTo(BigDecimal.valueOf(now.getEpochSecond())) < 0;
    }

    /** Deletes every item whose TTL passed; returns their keys' items so a change log can record the deletions. */
    public java.util.List<Map<String, AttributeValue>> purgeExpired(Instant now) {
        java.util.List<Map<String, AttributeValue>> purged = new java.util.ArrayList<>();
        if (ttlAttribute == null) {
            return purged;
        }
        for (Iterator<Map.Entry<StoredKey, Map<String, AttributeValue>>> it = items.entrySet().iterator();
             it.hasNext(); ) {
            Map.Entry<StoredKey, Map<String, AttributeValue>> entry = it.next();
            if (isExpired(entry.getValue(), now)) {
                purged.add(entry.getValue());
            }
        }
        purged.forEach(item -> delete(keyOf(item)));
        return purged;
    }

    public long itemCount() {
        return items.size();
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public long indexItemCount(String indexName) {
        return indexes.get(indexName).size();
    }

    public long indexSizeBytes(String indexName) {
        long size = 0;
        for (StoredKey key : indexes.get(indexName).values()) {
            size += ItemSize.of(items.get(key));
        }
        return size;
    }
}
