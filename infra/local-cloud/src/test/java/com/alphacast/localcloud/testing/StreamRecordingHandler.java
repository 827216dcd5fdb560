package com.alphacast.localcloud.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A stream handler: stores the raw event JSON it receives (keyed by request id) and reports no failures. */
public final class StreamRecordingHandler implements RequestStreamHandler {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public StreamRecordingHandler(Map<String, String> environment) {
        this.table = environment.get("RECORDS_TABLE");
        this.dynamoDb = DynamoDbClient.builder()
                .endpointOverride(URI.create(environment.get("AWS_ENDPOINT_URL_DYNAMODB")))
                .region(Region.of(environment.get("AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        environment.get("AWS_ACCESS_KEY_ID"), environment.get("AWS_SECRET_ACCESS_KEY"))))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        dynamoDb.putItem(b -> b.tableName(table).item(Map.of(
                "pk", AttributeValue.fromS("stream"),
                "event", AttributeValue.fromS(event))));
        output.write("{\"batchItemFailures\":[]}".getBytes(StandardCharsets.UTF_8));
    }
}
