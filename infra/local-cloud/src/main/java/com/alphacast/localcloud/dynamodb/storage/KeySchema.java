package com.alphacast.localcloud.dynamodb.storage;

import com.alphacast.localcloud.dynamodb.item.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Partition key and optional sort key of a table or index. */
public record KeySchema(KeyAttribute partition, KeyAttribute sort) {

    public boolean hasSort() {
        return sort != null;
    }

    public List<KeyAttribute> attributes() {
        List<KeyAttribute> attributes = new ArrayList<>();
        attributes.add(partition);
        if (sort != null) {
            attributes.add(sort);
        }
        return attributes;
    }

    public boolean isKeyAttribute(String name) {
        return partition.name().equals(name) || (sort != null && sort.name().equals(name));
    }

    /** Whether the item carries both key attributes with the declared types (sparse indexes skip the others). */
    public boolean indexes(Map<String, AttributeValue> item) {
        for (KeyAttribute key : attributes()) {
            AttributeValue value = item.get(key.name());
            if (value == null || !value.type().equals(key.type())) {
                return false;
            }
        }
        return true;
    }
}
