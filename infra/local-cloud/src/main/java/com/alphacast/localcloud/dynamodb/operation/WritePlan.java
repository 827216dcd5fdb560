package com.alphacast.localcloud.dynamodb.operation;

import com.alphacast.localcloud.dynamodb.expression.Path;
import com.alphacast.localcloud.dynamodb.item.AttributeValue;
import com.alphacast.localcloud.dynamodb.storage.StoredKey;
import com.alphacast.localcloud.dynamodb.storage.Table;
import java.util.List;
import java.util.Map;

/**
 * One validated item write before it is applied: the live item it replaces ({@code before}, null if none), what it
 * leaves ({@code after}: the new item, null for a delete, {@code before} for a condition check), whether its
 * condition held, and for updates the paths it touched (for UPDATED_OLD/UPDATED_NEW).
 */
record WritePlan(Kind kind, Table table, StoredKey key, Map<String, AttributeValue> before,
                 Map<String, AttributeValue> after, boolean conditionPassed, List<Path> updatedPaths,
                 String returnValuesOnConditionCheckFailure) {

    enum Kind { PUT, UPDATE, DELETE, CHECK }
}
