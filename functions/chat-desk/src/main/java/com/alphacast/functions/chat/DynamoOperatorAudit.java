package com.alphacast.functions.chat;

import static com.alphacast.aws.dynamodb.AttributeValues.s;
import static com.alphacast.aws.dynamodb.AttributeValues.strings;

import com.alphacast.bots.command.Caller;
import com.alphacast.bots.command.OperatorAudit;
import com.alphacast.bots.command.Routing;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The operator audit in its table: one item per operator command under the actor ({@code platform:user id}),
 * sorted by a fixed-width time stamp (a random suffix keeps two commands in one nanosecond apart), with the
 * command, its arguments, the caller's role, the verdict and the result.
 */
public final class DynamoOperatorAudit implements OperatorAudit {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final DynamoDbClient db;
    private final String table;

    public DynamoOperatorAudit(DynamoDbClient db, String table) {
        this.db = Objects.requireNonNull(db, "db");
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public void record(Caller caller, Routing routing, Instant at) {
        db.putItem(PutItemRequest.builder().tableName(table).item(Map.of(
                "actor", s(caller.platform().key() + ":" + caller.userId()),
                "recordedAt", s(STAMP.format(at) + "#" + UUID.randomUUID().toString().substring(0, 8)),
                "chatId", s(caller.chatId()),
                "command", s("/" + routing.command()),
                "arguments", strings(routing.arguments()),
                "role", s(routing.role().name().toLowerCase(Locale.ROOT)),
                "verdict", s(routing.verdict().name()),
                "result", s(routing.explanation()))).build());
    }
}
