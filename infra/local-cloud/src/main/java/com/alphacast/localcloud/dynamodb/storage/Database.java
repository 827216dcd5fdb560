package com.alphacast.localcloud.dynamodb.storage;

import com.alphacast.localcloud.dynamodb.DynamoDbException;
import com.alphacast.localcloud.dynamodb.item.AttributeValue;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * All tables of one server. One read-write lock for the whole database keeps transactions and batches atomic and
 * simple: reads share it, every write holds it alone. Every change goes through here so the change log sees it.
 */
public final class Database {

    private final NavigableMap<String, Table> tables = new TreeMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Clock clock;
    private final ChangeLog changeLog;
    private long lastPurgeSecond = Long.MIN_VALUE;

    public Database(Clock clock, ChangeLog changeLog) {
        this.clock = clock;
        this.changeLog = changeLog;
    }

    public Instant now() {
        return clock.instant();
    }

    public <T> T read(Supplier<T> work) {
        lock.readLock().lock();
        try {
            return work.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    public <T> T write(Supplier<T> work) {
        lock.writeLock().lock();
        try {
            purgeExpiredOncePerSecond();
            return work.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** DynamoDB deletes expired items in the background; here each write purges them at most once per clock second. */
    private void purgeExpiredOncePerSecond() {
        long second = now().getEpochSecond();
        if (second == lastPurgeSecond) {
            return;
        }
        lastPurgeSecond = second;
        for (Table table : tables.values()) {
            for (Map<String, AttributeValue> item : table.purgeExpired(now())) {
                changeLog.deleted(table.name(), table.keyAttributes(item));
            }
        }
    }

    public Table table(String name) {
        Table table = tables.get(name);
        if (table == null) {
            throw DynamoDbException.resourceNotFound();
        }
        return table;
    }

    public boolean exists(String name) {
        return tables.containsKey(name);
    }

    public List<String> tableNames() {
        return new ArrayList<>(tables.keySet());
    }

    public Table create(TableSchema schema) {
        Table table = new Table(schema);
        tables.put(schema.name(), table);
        changeLog.created(schema);
        return table;
    }

    public Table drop(String name) {
        Table table = table(name);
        tables.remove(name);
        changeLog.dropped(name);
        return table;
    }

    public void timeToLive(Table table, String attribute) {
        table.ttlAttribute(attribute);
        changeLog.timeToLive(table.name(), attribute);
    }

    public void put(Table table, Map<String, AttributeValue> item) {
        table.put(item);
        changeLog.put(table.name(), item);
    }

    public void delete(Table table, StoredKey key) {
        Map<String, AttributeValue> old = table.delete(key);
        if (old != null) {
            changeLog.deleted(table.name(), table.keyAttributes(old));
        }
    }

    public List<Table> tables() {
        return read(() -> new ArrayList<>(tables.values()));
    }

    /** Stops recording: hands the final state to the change log (a snapshot) and closes it. */
    public void close() {
        lock.writeLock().lock();
        try {
            changeLog.closing(this);
            changeLog.close();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
