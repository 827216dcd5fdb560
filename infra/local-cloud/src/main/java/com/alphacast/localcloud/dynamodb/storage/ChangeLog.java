package com.alphacast.localcloud.dynamodb.storage;

import com.alphacast.localcloud.dynamodb.item.AttributeValue;
import java.util.Map;

/** Receives every committed change, in order, while the database's write lock is held (persistence hooks in here). */
public interface ChangeLog extends AutoCloseable {

    ChangeLog NONE = new ChangeLog() {
    };

    default void created(TableSchema schema) {
    }

    default void dropped(String table) {
    }

    default void timeToLive(String table, String attribute) {
    }

    default void put(String table, Map<String, AttributeValue> item) {
    }

    default void deleted(String table, Map<String, AttributeValue> key) {
    }

    /** Called once when the server stops, with the final state. */
    default void closing(Database database) {
    }

    @Override
    default void close() {
    }
}
