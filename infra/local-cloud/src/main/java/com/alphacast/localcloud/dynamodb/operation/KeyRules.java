package com.alphacast.localcloud.dynamodb.operation;

import com.alphacast.localcloud.dynamodb.DynamoDbException;
import com.alphacast.localcloud.dynamodb.item.AttributeValue;
import com.alphacast.localcloud.dynamodb.item.ItemSize;
import com.alphacast.localcloud.dynamodb.storage.KeyAttribute;
import com.alphacast.localcloud.dynamodb.storage.SecondaryIndex;
import com.alphacast.localcloud.dynamodb.storage.StoredKey;
import com.alphacast.localcloud.dynamodb.storage.Table;
import java.util.Map;

/** DynamoDB's rules for keys and whole items: key types, empty key strings, key sizes, the 400 KB item limit. */
final class KeyRules {

    private static final int MAX_PARTITION_KEY_BYTES = 2048;
    private static final int MAX_SORT_KEY_BYTES = 1024;

    private KeyRules() {
    }

    /** Validates a {@code Key} member (exactly the table's key attributes) and returns where the item lives. */
    static StoredKey key(Table table, Map<String, AttributeValue> key) {
        if (key.size() != table.schema().key().attributes().size()) {
            throw DynamoDbException.validation("The number of conditions on the keys is invalid");
        }
        checkKeyAttributes(table, key);
        return table.keyOf(key);
    }

    /** Validates a whole item about to be stored and returns its key. */
    static StoredKey item(Table table, Map<String, AttributeValue> item) {
        checkKeyAttributes(table, item);
        indexKeys(table, item);
        size(item);
        return table.keyOf(item);
    }

    private static void checkKeyAttributes(Table table, Map<String, AttributeValue> item) {
        for (KeyAttribute attribute : table.schema().key().attributes()) {
            if (!item.containsKey(attribute.name())) {
                throw DynamoDbException.validation("One of the required keys was not given a value");
            }
        }
        for (KeyAttribute attribute : table.schema().key().attributes()) {
            if (!item.get(attribute.name()).type().equals(attribute.type())) {
                throw DynamoDbException.validation("One or more parameter values were invalid: Type mismatch for key");
            }
        }
        for (KeyAttribute attribute : table.schema().key().attributes()) {
            checkKeyValue(attribute, item.get(attribute.name()), attribute == table.schema().key().partition());
        }
    }

    static void indexKeys(Table table, Map<String, AttributeValue> item) {
        for (SecondaryIndex index : table.schema().indexes()) {
            for (KeyAttribute attribute : index.key().attributes()) {
                AttributeValue value = item.get(attribute.name());
                if (value == null || table.schema().key().isKeyAttribute(attribute.name())) {
                    continue;
                }
                if (!value.type().equals(attribute.type())) {
                    throw DynamoDbException.validation("One or more parameter values were invalid: Type mismatch for Index Key");
                }
                if (isEmpty(value)) {
                    throw DynamoDbException.validation("One or more parameter values are not valid. A value specified for "
                            + "a secondary index key is not supported. The AttributeValue for a key attribute cannot "
                            + "contain an empty string value. IndexName: " + index.name() + ", IndexKey: "
                            + attribute.name());
                }
            }
        }
    }

    static void size(Map<String, AttributeValue> item) {
        if (ItemSize.of(item) > ItemSize.MAX_ITEM_BYTES) {
            throw DynamoDbException.validation("Item size has exceeded the maximum allowed size");
        }
    }

    private static void checkKeyValue(KeyAttribute attribute, AttributeValue value, boolean partition) {
        if (isEmpty(value)) {
            throw DynamoDbException.validation("One or more parameter values are not valid. The AttributeValue for a key "
                    + "attribute cannot contain an empty " + (value instanceof AttributeValue.S ? "string" : "binary")
                    + " value. Key: " + attribute.name());
        }
        long size = ItemSize.of(value);
        if (size > (partition ? MAX_PARTITION_KEY_BYTES : MAX_SORT_KEY_BYTES)) {
            throw DynamoDbException.validation("Hash primary key values must be under 2048 bytes, and range primary key "
                    + "values must be under 1024 bytes");
        }
    }

    private static boolean isEmpty(AttributeValue value) {
        return (value instanceof AttributeValue.S s && s.value().isEmpty())
                || (value instanceof AttributeValue.B b && b.value().length() == 0);
    }
}
