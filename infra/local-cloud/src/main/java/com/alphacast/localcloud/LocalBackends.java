package com.alphacast.localcloud;

import com.alphacast.localcloud.dynamodb.EmbeddedDynamoDb;
import com.alphacast.localcloud.sqs.EmbeddedSqs;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The two local servers (DynamoDB Local and ElasticMQ) plus SDK clients for them. One instance can host many stacks
 * (each {@link LocalCloud} prefixes its names with its stack name), which is how tests share one pair per JVM.
 */
public final class LocalBackends implements AutoCloseable {

    /** The account id ElasticMQ and the local ARNs use. */
    public static final String ACCOUNT_ID = "000000000000";
    /** Credentials the local servers accept (any would do); handlers receive them in their environment. */
    public static final String ACCESS_KEY_ID = "alphacast-local";
    public static final String SECRET_ACCESS_KEY = "alphacast-local-secret";

    private final String region;
    private final EmbeddedDynamoDb dynamoDbServer;
    private final EmbeddedSqs sqsServer;
    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private volatile boolean closed;

    private LocalBackends(String region, EmbeddedDynamoDb dynamoDbServer, EmbeddedSqs sqsServer) {
        this.region = region;
        this.dynamoDbServer = dynamoDbServer;
        this.sqsServer = sqsServer;
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
        this.dynamoDb = DynamoDbClient.builder().endpointOverride(dynamoDbServer.endpoint()).region(Region.of(region))
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        this.sqs = SqsClient.builder().endpointOverride(sqsServer.endpoint()).region(Region.of(region))
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** Starts DynamoDB Local and ElasticMQ in parallel (about 2 s together). */
    public static LocalBackends start(String region) {
        CompletableFuture<EmbeddedDynamoDb> dynamoDb = CompletableFuture.supplyAsync(EmbeddedDynamoDb::start,
                runnable -> daemon(runnable, "start-dynamodb-local"));
        CompletableFuture<EmbeddedSqs> sqs = CompletableFuture.supplyAsync(() -> EmbeddedSqs.start(region, ACCOUNT_ID),
                runnable -> daemon(runnable, "start-elasticmq"));
        try {
            CompletableFuture.allOf(dynamoDb, sqs).join();
        } catch (CompletionException e) {
            dynamoDb.thenAccept(EmbeddedDynamoDb::close);
            sqs.thenAccept(EmbeddedSqs::close);
            throw new IllegalStateException("local cloud servers did not start: " + e.getCause(), e.getCause());
        }
        return new LocalBackends(region, dynamoDb.join(), sqs.join());
    }

    public String region() {
        return region;
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbServer.endpoint();
    }

    public URI sqsEndpoint() {
        return sqsServer.endpoint();
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public SqsClient sqs() {
        return sqs;
    }

    /** Stops both servers in parallel. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        dynamoDb.close();
        sqs.close();
        CompletableFuture<Void> stopDynamoDb = CompletableFuture.runAsync(dynamoDbServer::close,
                runnable -> daemon(runnable, "stop-dynamodb-local"));
        sqsServer.close();
        stopDynamoDb.join();
    }

    private static void daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        thread.start();
    }
}
