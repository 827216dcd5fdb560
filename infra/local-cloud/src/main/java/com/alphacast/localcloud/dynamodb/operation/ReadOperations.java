package com.alphacast.localcloud.dynamodb.operation;

import com.alphacast.localcloud.dynamodb.DynamoDbException;
import com.alphacast.localcloud.dynamodb.expression.Condition;
import com.alphacast.localcloud.dynamodb.expression.ConditionEvaluator;
import com.alphacast.localcloud.dynamodb.expression.Documents;
import com.alphacast.localcloud.dynamodb.expression.ExpressionAttributes;
import com.alphacast.localcloud.dynamodb.expression.ExpressionParser;
import com.alphacast.localcloud.dynamodb.expression.Operand;
import com.alphacast.localcloud.dynamodb.expression.Path;
import com.alphacast.localcloud.dynamodb.item.AttributeValue;
import com.alphacast.localcloud.dynamodb.item.ItemSize;
import com.alphacast.localcloud.dynamodb.protocol.AttributeValueJson;
import com.alphacast.localcloud.dynamodb.storage.Database;
import com.alphacast.localcloud.dynamodb.storage.KeyAttribute;
import com.alphacast.localcloud.dynamodb.storage.KeySchema;
import com.alphacast.localcloud.dynamodb.storage.SecondaryIndex;
import com.alphacast.localcloud.dynamodb.storage.StoredKey;
import com.alphacast.localcloud.dynamodb.storage.Table;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Predicate;

/**
 * Query and Scan on tables and secondary indexes. Limit counts evaluated items before the filter, pages stop at
 * 1 MB, and LastEvaluatedKey carries the table key plus the index key, as DynamoDB's does.
 */
public final class ReadOperations {

    private static final long PAGE_BYTES = 1024 * 1024;
    private static final List<String> SELECT = List.of("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES",
            "COUNT");

    private final Database database;

    public ReadOperations(Database database) {
        this.database = database;
    }

    public ObjectNode query(JsonNode request) {
        RequestFields.refuseLegacy(request);
        ExpressionAttributes attributes = RequestFields.expressionAttributes(request);
        String keyExpression = RequestFields.optionalText(request, "KeyConditionExpression");
        if (keyExpression == null) {
            throw DynamoDbException.validation(
                    "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        Condition keyCondition = ExpressionParser.condition("KeyConditionExpression", keyExpression, attributes);
        Condition filter = filter(request, attributes);
        List<Path> projection = projection(request, attributes);
        attributes.requireAllUsed();
        return database.read(() -> {
            Source source = source(request, projection);
            KeyCondition key = KeyCondition.of(keyCondition, source.key());
            refuseKeyAttributesInFilter(filter, source.key());
            boolean forward = !request.has("ScanIndexForward") || RequestFields.flag(request, "ScanIndexForward");
            StoredKey start = startKey(request, source);
            if (start != null && !start.partition().equals(key.partition())) {
                throw DynamoDbException.validation("The provided starting key is outside query boundaries based on "
                        + "provided conditions");
            }
            Iterator<StoredKey> keys = forward ? source.forward(key, start) : source.backward(key, start);
            return page(request, source, keys, item -> key.sortMatches(item), filter, projection);
        });
    }

    public ObjectNode scan(JsonNode request) {
        RequestFields.refuseLegacy(request);
        ExpressionAttributes attributes = RequestFields.expressionAttributes(request);
        Condition filter = filter(request, attributes);
        List<Path> projection = projection(request, attributes);
        attributes.requireAllUsed();
        Integer segment = integer(request, "Segment");
        Integer totalSegments = integer(request, "TotalSegments");
        if (segment != null && totalSegments == null) {
            throw DynamoDbException.validation("If segment is specified, total segment must also be specified");
        }
        if (totalSegments != null && segment == null) {
            throw DynamoDbException.validation(
                    "If total segments is specified, a particular segment must also be specified for this request");
        }
        if (totalSegments != null && totalSegments > 1_000_000) {
            throw DynamoDbException.validation("1 validation error detected: Value '" + totalSegments
                    + "' at 'totalSegments' failed to satisfy constraint: Member must have value less than or equal to "
                    + "1000000");
        }
        if (segment != null && segment < 0) {
            throw DynamoDbException.validation("1 validation error detected: Value '" + segment
                    + "' at 'segment' failed to satisfy constraint: Member must have value greater than or equal to 0");
        }
        if (segment != null && segment >= totalSegments) {
            throw DynamoDbException.validation("1 validation error detected: Value '" + segment + "' at 'segment' failed "
                    + "to satisfy constraint: Member must have value less than or equal to " + (totalSegments - 1));
        }
        return database.read(() -> {
            Source source = source(request, projection);
            StoredKey start = startKey(request, source);
            NavigableMap<StoredKey, ?> all = source.all();
            if (start != null) {
                all = all.tailMap(start, false);
            }
            Iterator<StoredKey> keys = all.navigableKeySet().iterator();
            java.util.function.Predicate<Map<String, AttributeValue>> inSegment = segment == null ? item -> true
                    : item -> Math.floorMod(item.get(source.key().partition().name()).hashCode(), totalSegments) == segment;
            return page(request, source, keys, inSegment, filter, projection);
        });
    }

    private ObjectNode page(JsonNode request, Source source, Iterator<? extends StoredKey> keys,
                            java.util.function.Predicate<Map<String, AttributeValue>> keyMatch, Condition filter,
                            List<Path> projection) {
        Integer limit = integer(request, "Limit");
        if (limit != null && limit < 1) {
            throw DynamoDbException.validation("Limit must be greater than or equal to 1");
        }
        String select = select(request, source, projection);
        Instant now = database.now();
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        int scanned = 0;
        int count = 0;
        long bytes = 0;
        Map<String, AttributeValue> last = null;
        boolean more = false;
        while (keys.hasNext()) {
            if (limit != null && scanned >= limit) {
                // Like the recorded DynamoDB Local (and DynamoDB), reaching Limit always yields a LastEvaluatedKey.
                break;
            }
            if (bytes >= PAGE_BYTES) {
                more = true;
                break;
            }
            Map<String, AttributeValue> stored = source.item(keys.next());
            if (stored == null || source.table().isExpired(stored, now) || !keyMatch.test(stored)) {
                continue;
            }
            Map<String, AttributeValue> visible = source.visible(stored, select);
            scanned++;
            bytes += ItemSize.of(visible);
            last = stored;
            if (filter != null && !ConditionEvaluator.matches(filter, visible)) {
                continue;
            }
            count++;
            if (!select.equals("COUNT")) {
                items.add(AttributeValueJson.writeItem(projection == null ? visible : Documents.project(visible, projection)));
            }
        }
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        if (!select.equals("COUNT")) {
            response.set("Items", items);
        }
        response.put("Count", count);
        response.put("ScannedCount", scanned);
        if ((more || (limit != null && scanned >= limit)) && last != null) {
            response.set("LastEvaluatedKey", AttributeValueJson.writeItem(source.lastEvaluatedKey(last)));
        }
        return response;
    }

    private static Integer integer(JsonNode request, String member) {
        JsonNode node = request.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber()) {
            throw DynamoDbException.serialization("Unexpected value type in payload for " + member);
        }
        return node.intValue();
    }

    private static Condition filter(JsonNode request, ExpressionAttributes attributes) {
        String expression = RequestFields.optionalText(request, "FilterExpression");
        return expression == null ? null : ExpressionParser.condition("FilterExpression", expression, attributes);
    }

    private static List<Path> projection(JsonNode request, ExpressionAttributes attributes) {
        String expression = RequestFields.optionalText(request, "ProjectionExpression");
        return expression == null ? null : ExpressionParser.projection(expression, attributes);
    }

    private static void refuseKeyAttributesInFilter(Condition filter, KeySchema key) {
        if (filter == null) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        collectPaths(filter, paths);
        for (Path path : paths) {
            if (key.isKeyAttribute(path.attribute())) {
                throw DynamoDbException.validation("Filter Expression can only contain non-primary key attributes: "
                        + "Primary key attribute: " + path.attribute());
            }
        }
    }

    private static void collectPaths(Condition condition, List<Path> paths) {
        if (condition instanceof Condition.And c) {
            collectPaths(c.left(), paths);
            collectPaths(c.right(), paths);
        } else if (condition instanceof Condition.Or c) {
            collectPaths(c.left(), paths);
            collectPaths(c.right(), paths);
        } else if (condition instanceof Condition.Not c) {
            collectPaths(c.condition(), paths);
        } else if (condition instanceof Condition.Comparison c) {
            collectPaths(List.of(c.left(), c.right()), paths);
        } else if (condition instanceof Condition.Between c) {
            collectPaths(List.of(c.value(), c.lower(), c.upper()), paths);
        } else if (condition instanceof Condition.In c) {
            collectPaths(List.of(c.value()), paths);
            collectPaths(c.candidates(), paths);
        } else if (condition instanceof Condition.Function c) {
            collectPaths(c.arguments(), paths);
        }
    }

    private static void collectPaths(List<Operand> operands, List<Path> paths) {
        for (Operand operand : operands) {
            if (operand instanceof Operand.PathOperand p) {
                paths.add(p.path());
            } else if (operand instanceof Operand.Size s) {
                paths.add(s.path());
            }
        }
    }

    private String select(JsonNode request, Source source, List<Path> projection) {
        String select = RequestFields.enumValue(request, "Select", SELECT,
                "1 validation error detected: Value '" + RequestFields.optionalText(request, "Select") + "' at 'select' "
                        + "failed to satisfy constraint: Member must satisfy enum value set: " + SELECT);
        if (select == null) {
            if (projection != null) {
                return "SPECIFIC_ATTRIBUTES";
            }
            return source.index() == null ? "ALL_ATTRIBUTES" : "ALL_PROJECTED_ATTRIBUTES";
        }
        if (select.equals("SPECIFIC_ATTRIBUTES") && projection == null) {
            throw DynamoDbException.validation("Must specify the AttributesToGet or ProjectionExpression when choosing "
                    + "to get SPECIFIC_ATTRIBUTES");
        }
        if (!select.equals("SPECIFIC_ATTRIBUTES") && projection != null) {
            throw DynamoDbException.validation("Cannot specify the ProjectionExpression when choosing to get " + select);
        }
        if (select.equals("ALL_PROJECTED_ATTRIBUTES") && source.index() == null) {
            throw DynamoDbException.validation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
        }
        if (select.equals("ALL_ATTRIBUTES") && source.index() != null && source.index().global()
                && !source.index().projectionType().equals("ALL")) {
            throw DynamoDbException.validation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is "
                    + "not supported for global secondary index " + source.index().name()
                    + " because its projection type is not ALL");
        }
        return select;
    }

    private Source source(JsonNode request, List<Path> projection) {
        Table table = database.table(RequestFields.tableName(request));
        String indexName = RequestFields.optionalText(request, "IndexName");
        SecondaryIndex index = null;
        if (indexName != null) {
            index = table.schema().index(indexName).orElseThrow(() -> DynamoDbException.validation(
                    "The table does not have the specified index: " + indexName));
            if (index.global() && RequestFields.flag(request, "ConsistentRead")) {
                throw DynamoDbException.validation("Consistent read cannot be true when querying a GSI");
            }
        } else {
            RequestFields.flag(request, "ConsistentRead");
        }
        return new Source(table, index);
    }

    private static StoredKey startKey(JsonNode request, Source source) {
        JsonNode node = request.get("ExclusiveStartKey");
        if (node == null || node.isNull()) {
            return null;
        }
        Map<String, AttributeValue> key = AttributeValueJson.readItem(node);
        List<KeyAttribute> expected = new ArrayList<>(source.table().schema().key().attributes());
        if (source.index() != null) {
            for (KeyAttribute attribute : source.index().key().attributes()) {
                if (!source.table().schema().key().isKeyAttribute(attribute.name())) {
                    expected.add(attribute);
                }
            }
        }
        if (key.size() != expected.size()) {
            throw DynamoDbException.validation("Exclusive Start Key must have same size as table's key schema");
        }
        for (KeyAttribute attribute : expected) {
            AttributeValue value = key.get(attribute.name());
            if (value == null) {
                throw DynamoDbException.validation("The provided starting key is invalid: The provided key element does not "
                        + "match the schema");
            }
            if (!value.type().equals(attribute.type())) {
                throw DynamoDbException.validation("Type mismatch for attribute to update");
            }
        }
        StoredKey tableKey = source.table().keyOf(key);
        return source.index() == null ? tableKey : source.table().indexKey(source.index(), key, tableKey);
    }

    /** The table or one of its indexes, seen the way a Query or Scan on it sees items. */
    private record Source(Table table, SecondaryIndex index) {

        KeySchema key() {
            return index == null ? table.schema().key() : index.key();
        }

        NavigableMap<StoredKey, ?> all() {
            return index == null ? table.items() : table.index(index.name());
        }

        /**
         * The keys a forward Query reads, in order: from where the sort condition's range (or the page after the start
         * key) begins to where the range or the partition ends. Seeks to the start and stops at the end, so a Query
         * for a few items of a large partition reads those items, not the partition.
         */
        Iterator<StoredKey> forward(KeyCondition key, StoredKey start) {
            KeyCondition.SortRange range = key.sortRange();
            StoredKey from = range.lower() == null ? StoredKey.of(key.partition()) : StoredKey.of(key.partition(), range.lower());
            boolean inclusive = true;
            if (start != null && start.compareTo(from) >= 0) {
                from = start;
                inclusive = false;
            }
            return until(all().tailMap(from, inclusive).navigableKeySet().iterator(),
                    stored -> !stored.partition().equals(key.partition()) || range.after(sortOf(stored)));
        }

        /** Like {@link #forward}, from the range's (or the start key's) end back to its beginning. */
        Iterator<StoredKey> backward(KeyCondition key, StoredKey start) {
            KeyCondition.SortRange range = key.sortRange();
            StoredKey to = rangeEnd(key, range);
            if (start != null && (to == null || start.compareTo(to) < 0)) {
                to = start;
            }
            NavigableMap<StoredKey, ?> below = to == null ? all() : all().headMap(to, false);
            return until(below.descendingKeySet().iterator(),
                    stored -> !stored.partition().equals(key.partition()) || range.before(sortOf(stored)));
        }

        /**
         * The first key after the range (null: the end of the table): seeks to the range's upper bound, then steps over
         * the keys still in range (those equal to an inclusive bound, or sharing the prefix).
         */
        private StoredKey rangeEnd(KeyCondition key, KeyCondition.SortRange range) {
            if (range.upper() != null && !range.upperInclusive()) {
                return StoredKey.of(key.partition(), range.upper());
            }
            AttributeValue seek = range.upper() != null ? range.upper() : range.prefix();
            StoredKey from = seek == null ? StoredKey.of(key.partition()) : StoredKey.of(key.partition(), seek);
            for (StoredKey stored : all().tailMap(from, true).navigableKeySet()) {
                if (!stored.partition().equals(key.partition()) || range.after(sortOf(stored))) {
                    return stored;
                }
            }
            return null;
        }

        /** The sort key's value in a stored key (its second part); only asked when the key has a sort condition. */
        private AttributeValue sortOf(StoredKey stored) {
            return key().hasSort() ? stored.parts().get(1) : null;
        }

        private static Iterator<StoredKey> until(Iterator<StoredKey> keys, Predicate<StoredKey> end) {
            return new Iterator<>() {
                private StoredKey next = advance();

                private StoredKey advance() {
                    if (!keys.hasNext()) {
                        return null;
                    }
                    StoredKey candidate = keys.next();
                    return end.test(candidate) ? null : candidate;
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public StoredKey next() {
                    if (next == null) {
                        throw new java.util.NoSuchElementException();
                    }
                    StoredKey current = next;
                    next = advance();
                    return current;
                }
            };
        }

        Map<String, AttributeValue> item(StoredKey key) {
            if (index == null) {
                return table.items().get(key);
            }
            StoredKey tableKey = table.index(index.name()).get(key);
            return tableKey == null ? null : table.items().get(tableKey);
        }

        /** What the read can see of a stored item: everything on the table, the projection on an index. */
        Map<String, AttributeValue> visible(Map<String, AttributeValue> item, String select) {
            if (index == null || index.projectionType().equals("ALL")
                    || (!index.global() && select.equals("ALL_ATTRIBUTES"))) {
                return item;
            }
            Map<String, AttributeValue> projected = new LinkedHashMap<>();
            for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
                String name = attribute.getKey();
                if (table.schema().key().isKeyAttribute(name) || index.key().isKeyAttribute(name)
                        || (index.nonKeyAttributes() != null && index.nonKeyAttributes().contains(name))) {
                    projected.put(name, attribute.getValue());
                }
            }
            return projected;
        }

        Map<String, AttributeValue> lastEvaluatedKey(Map<String, AttributeValue> item) {
            Map<String, AttributeValue> key = new LinkedHashMap<>(table.keyAttributes(item));
            if (index != null) {
                for (KeyAttribute attribute : index.key().attributes()) {
                    key.put(attribute.name(), item.get(attribute.name()));
                }
            }
            return key;
        }
    }
}
