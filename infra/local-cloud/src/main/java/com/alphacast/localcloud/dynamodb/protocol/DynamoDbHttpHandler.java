package com.alphacast.localcloud.dynamodb.protocol;

import com.alphacast.localcloud.dynamodb.DynamoDbException;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * DynamoDB's JSON protocol over HTTP: POST, {@code X-Amz-Target: DynamoDB_20120810.<Operation>}, a JSON body; answers
 * {@code application/x-amz-json-1.0} with an {@code x-amz-crc32} the SDK checks. Signatures are not verified. Every
 * failure becomes a DynamoDB-shaped error: nothing a client sends can stop the server.
 */
public final class DynamoDbHttpHandler implements HttpHandler {

    /** DynamoDB's largest request (a full BatchWriteItem) is 16 MB. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    /** Past this, an oversized body is no longer drained and the connection is simply closed. */
    static final long MAX_DISCARD_BYTES = 4L * MAX_BODY_BYTES;
    private static final String TARGET_PREFIX = "DynamoDB_20120810.";

    private final ObjectMapper json;
    private final DynamoDbOperations operations;
    private final Consumer<String> internalErrors;

    public DynamoDbHttpHandler(ObjectMapper json, DynamoDbOperations operations, Consumer<String> internalErrors) {
        this.json = json;
        this.operations = operations;
        this.internalErrors = internalErrors;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            ObjectNode response;
            int status = 200;
            try {
                response = answer(exchange);
            } catch (DynamoDbException e) {
                response = e.body();
                status = e.status();
            } catch (RuntimeException | StackOverflowError e) {
                internalErrors.accept("embedded DynamoDB: internal error: " + e);
                response = new DynamoDbException("InternalServerError", "Internal server error: " + e, 500, null).body();
                status = 500;
            }
            byte[] body = json.writeValueAsBytes(response);
            CRC32 crc = new CRC32();
            crc.update(body);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
            exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
            exchange.getResponseHeaders().set("x-amz-crc32", Long.toString(crc.getValue()));
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private ObjectNode answer(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            throw DynamoDbException.unknownOperation();
        }
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (target == null || !target.startsWith(TARGET_PREFIX)) {
            throw DynamoDbException.unknownOperation();
        }
        byte[] body = read(exchange.getRequestBody());
        JsonNode request;
        try {
            request = body.length == 0 ? json.createObjectNode() : json.readTree(body);
        } catch (JacksonException e) {
            // Limit violations (nesting depth, number length) carry no location.
            throw DynamoDbException.serialization(e.getLocation() == null
                    ? "Malformed JSON request body: " + e.getOriginalMessage()
                    : "Malformed JSON request body at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr());
        }
        if (request == null || !request.isObject()) {
            throw DynamoDbException.serialization("Request body must be a JSON object");
        }
        return operations.invoke(target.substring(TARGET_PREFIX.length()), request);
    }

    private static byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > MAX_BODY_BYTES) {
                discardRest(in, buffer, total);
                throw new DynamoDbException("RequestEntityTooLarge", "Request body exceeds the 16 MB DynamoDB accepts",
                        413, null);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /**
     * Reads what is left of an oversized body before answering: closing a socket with unread bytes makes the kernel
     * reset the connection, which can destroy the 413 already sent. Bounded so an endless body cannot hold a thread.
     */
    private static void discardRest(InputStream in, byte[] buffer, long seen) throws IOException {
        long total = seen;
        for (int n; total < MAX_DISCARD_BYTES && (n = in.read(buffer)) > 0; ) {
            total += n;
        }
    }
}
