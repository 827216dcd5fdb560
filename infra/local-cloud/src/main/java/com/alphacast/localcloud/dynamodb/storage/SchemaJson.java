package com.alphacast.localcloud.dynamodb.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A table schema as JSON, for the snapshot and change log of a persisted server. */
final class SchemaJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SchemaJson() {
    }

    static ObjectNode write(TableSchema schema) {
        ObjectNode node = JSON.objectNode();
        node.put("name", schema.name());
        node.set("key", key(schema.key()));
        ArrayNode definitions = node.putArray("attributeDefinitions");
        schema.attributeDefinitions().forEach(d -> definitions.add(attribute(d)));
        ArrayNode indexes = node.putArray("indexes");
        for (SecondaryIndex index : schema.indexes()) {
            ObjectNode i = indexes.addObject();
            i.put("name", index.name()).put("global", index.global()).put("projectionType", index.projectionType());
            i.set("key", key(index.key()));
            if (index.nonKeyAttributes() != null) {
                ArrayNode nonKey = i.putArray("nonKeyAttributes");
                index.nonKeyAttributes().forEach(nonKey::add);
            }
            putCapacity(i, index.readCapacity(), index.writeCapacity());
        }
        node.put("billingMode", schema.billingMode());
        putCapacity(node, schema.readCapacity(), schema.writeCapacity());
        node.put("streamViewType", schema.streamViewType());
        node.put("createdMillis", schema.created().toEpochMilli());
        return node;
    }

    static TableSchema read(JsonNode node) {
        List<KeyAttribute> definitions = new ArrayList<>();
        node.get("attributeDefinitions").forEach(d -> definitions.add(attribute(d)));
        List<SecondaryIndex> indexes = new ArrayList<>();
        for (JsonNode i : node.get("indexes")) {
            List<String> nonKey = null;
            if (i.has("nonKeyAttributes")) {
                nonKey = new ArrayList<>();
                for (JsonNode attribute : i.get("nonKeyAttributes")) {
                    nonKey.add(attribute.asText());
                }
            }
            indexes.add(new SecondaryIndex(i.get("name").asText(), i.get("global").asBoolean(), key(i.get("key")),
                    i.get("projectionType").asText(), nonKey, capacity(i, "read"), capacity(i, "write")));
        }
        return new TableSchema(node.get("name").asText(), key(node.get("key")), definitions, indexes,
                node.get("billingMode").asText(), capacity(node, "read"), capacity(node, "write"),
                node.hasNonNull("streamViewType") ? node.get("streamViewType").asText() : null, Instant.ofEpochMilli(node.get("createdMillis").asLong()));
    }

    private static ObjectNode key(KeySchema key) {
        ObjectNode node = JSON.objectNode();
        node.set("partition", attribute(key.partition()));
        if (key.hasSort()) {
            node.set("sort", attribute(key.sort()));
        }
        return node;
    }

    private static KeySchema key(JsonNode node) {
        return new KeySchema(attribute(node.get("partition")), node.has("sort") ? attribute(node.get("sort")) : null);
    }

    private static ObjectNode attribute(KeyAttribute attribute) {
        return JSON.objectNode().put("name", attribute.name()).put("type", attribute.type());
    }

    private static KeyAttribute attribute(JsonNode node) {
        return new KeyAttribute(node.get("name").asText(), node.get("type").asText());
    }

    private static void putCapacity(ObjectNode node, Long read, Long write) {
        if (read != null) {
            node.put("read", read);
        }
        if (write != null) {
            node.put("write", write);
        }
    }

    private static Long capacity(JsonNode node, String member) {
        return node.has(member) ? node.get(member).asLong() : null;
    }
}
