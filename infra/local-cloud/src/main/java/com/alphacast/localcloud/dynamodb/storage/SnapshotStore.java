package com.alphacast.localcloud.dynamodb.storage;

import com.alphacast.localcloud.dynamodb.item.AttributeValue;
import com.alphacast.localcloud.dynamodb.protocol.AttributeValueJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Persistence for a server started with a data directory: a JSON snapshot of every table, written on close, plus a
 * change log with one JSON line per committed change since that snapshot. Start-up loads the snapshot and replays the
 * log, so data survives both a clean stop and a crash. Replay is idempotent (puts and deletes by key; creating an
 * existing table or dropping a missing one is skipped), so a crash between writing the snapshot and emptying the log
 * loses nothing.
 */
public final class SnapshotStore implements ChangeLog {

    static final String SNAPSHOT = "dynamodb-snapshot.json";
    static final String CHANGES = "dynamodb-changes.jsonl";

    private final ObjectMapper json = new ObjectMapper();
    private final Path directory;
    private BufferedWriter changes;
    private boolean restoring;

    private SnapshotStore(Path directory) {
        this.directory = directory;
    }

    public static SnapshotStore open(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("DynamoDB data directory " + directory + " cannot be created: " + e, e);
        }
        return new SnapshotStore(directory);
    }

    /** Loads the snapshot and replays the change log into an empty database, then starts logging. */
    public void restoreInto(Database database) {
        restoring = true;
        try {
            database.write(() -> {
                try {
                    load(database);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            });
            changes = Files.newBufferedWriter(directory.resolve(CHANGES), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("DynamoDB data in " + directory + " cannot be read: " + e, e);
        } finally {
            restoring = false;
        }
    }

    private void load(Database database) throws IOException {
        Path snapshot = directory.resolve(SNAPSHOT);
        if (Files.exists(snapshot)) {
            JsonNode root = json.readTree(snapshot.toFile());
            for (JsonNode tableNode : root.get("tables")) {
                Table table = database.create(SchemaJson.read(tableNode.get("schema")));
                if (tableNode.hasNonNull("ttlAttribute")) {
                    database.timeToLive(table, tableNode.get("ttlAttribute").asText());
                }
                for (JsonNode item : tableNode.get("items")) {
                    database.put(table, AttributeValueJson.readItem(item));
                }
            }
        }
        Path log = directory.resolve(CHANGES);
        if (Files.exists(log)) {
            try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
                for (String line; (line = reader.readLine()) != null; ) {
                    if (!line.isBlank()) {
                        replay(database, line);
                    }
                }
            }
        }
    }

    private void replay(Database database, String line) throws IOException {
        JsonNode change;
        try {
            change = json.readTree(line);
        } catch (IOException e) {
            // A crash can cut the last line short; everything before it was committed and is kept.
            return;
        }
        String table = change.path("table").asText();
        switch (change.get("op").asText()) {
            case "create" -> {
                TableSchema schema = SchemaJson.read(change.get("schema"));
                if (!database.exists(schema.name())) {
                    database.create(schema);
                }
            }
            case "drop" -> {
                if (database.exists(table)) {
                    database.drop(table);
                }
            }
            case "ttl" -> database.timeToLive(database.table(table),
                    change.hasNonNull("attribute") ? change.get("attribute").asText() : null);
            case "put" -> database.put(database.table(table), AttributeValueJson.readItem(change.get("item")));
            case "delete" -> {
                Table target = database.table(table);
                database.delete(target, target.keyOf(AttributeValueJson.readItem(change.get("key"))));
            }
            default -> throw new IOException("unknown change in " + CHANGES + ": " + line);
        }
    }

    @Override
    public void created(TableSchema schema) {
        ObjectNode change = change("create", schema.name());
        change.set("schema", SchemaJson.write(schema));
        append(change);
    }

    @Override
    public void dropped(String table) {
        append(change("drop", table));
    }

    @Override
    public void timeToLive(String table, String attribute) {
        append(change("ttl", table).put("attribute", attribute));
    }

    @Override
    public void put(String table, Map<String, AttributeValue> item) {
        ObjectNode change = change("put", table);
        change.set("item", AttributeValueJson.writeItem(item));
        append(change);
    }

    @Override
    public void deleted(String table, Map<String, AttributeValue> key) {
        ObjectNode change = change("delete", table);
        change.set("key", AttributeValueJson.writeItem(key));
        append(change);
    }

    private ObjectNode change(String op, String table) {
        return json.createObjectNode().put("op", op).put("table", table);
    }

    private void append(ObjectNode change) {
        if (restoring || changes == null) {
            return;
        }
        try {
            changes.write(json.writeValueAsString(change));
            changes.write('\n');
            changes.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("DynamoDB change log in " + directory + " cannot be written: " + e, e);
        }
    }

    /** Writes the snapshot (atomically, through a temporary file) and empties the change log it now contains. */
    @Override
    public void closing(Database database) {
        ObjectNode root = json.createObjectNode();
        ArrayNode tables = root.putArray("tables");
        for (String name : database.tableNames()) {
            Table table = database.table(name);
            ObjectNode tableNode = tables.addObject();
            tableNode.set("schema", SchemaJson.write(table.schema()));
            tableNode.put("ttlAttribute", table.ttlAttribute());
            ArrayNode items = tableNode.putArray("items");
            table.items().values().forEach(item -> items.add(AttributeValueJson.writeItem(item)));
        }
        try {
            Path temporary = directory.resolve(SNAPSHOT + ".tmp");
            json.writeValue(temporary.toFile(), root);
            Files.move(temporary, directory.resolve(SNAPSHOT), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            if (changes != null) {
                changes.close();
                changes = null;
            }
            Files.write(directory.resolve(CHANGES), new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("DynamoDB snapshot in " + directory + " cannot be written: " + e, e);
        }
    }
}
