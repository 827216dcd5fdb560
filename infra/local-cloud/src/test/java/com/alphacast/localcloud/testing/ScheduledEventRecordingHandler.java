package com.alphacast.localcloud.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A scheduled handler that records every payload it is invoked with in {@code EVENTS_TABLE} (one item per attempt)
 * and then fails when the payload says {@code "fail": true}, so tests see retries and dead-lettering.
 */
public final class ScheduledEventRecordingHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DynamoDbClient dynamoDb;
    private final String table;

    public ScheduledEventRecordingHandler(Map<String, String> environment) {
        this.table = environment.get("EVENTS_TABLE");
        this.dynamoDb = DynamoDbClient.builder()
                .endpointOverride(URI.create(environment.get("AWS_ENDPOINT_URL_DYNAMODB")))
                .region(Region.of(environment.get("AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        environment.get("AWS_ACCESS_KEY_ID"), environment.get("AWS_SECRET_ACCESS_KEY"))))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public void handle(InputStream input, OutputStream output) throws IOException {
        String payload = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        dynamoDb.putItem(b -> b.tableName(table).item(Map.of(
                "pk", AttributeValue.fromS(UUID.randomUUID().toString()),
                "payload", AttributeValue.fromS(payload))));
        JsonNode event = JSON.readTree(payload);
        if (event.path("fail").asBoolean(false)) {
            throw new IllegalStateException("market data source unavailable");
        }
    }
}
