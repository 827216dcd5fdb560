package com.alphacast.localcloud;

import com.alphacast.aws.NoDelayHttpClient;
import com.alphacast.localcloud.dynamodb.DynamoDbSettings;
import com.alphacast.localcloud.dynamodb.EmbeddedDynamoDb;
import com.alphacast.localcloud.sqs.EmbeddedSqs;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The two local servers (the embedded DynamoDB and ElasticMQ) plus SDK clients for them. One instance can host many stacks
 * (each {@link LocalCloud} prefixes its names with its stack name), which is how tests share one pair per JVM.
 */
public final class LocalBackends implements AutoCloseable {

    /** The account id ElasticMQ and the local ARNs use. */
    public static final String ACCOUNT_ID = "000000000000";
    /** Credentials handed to clients and handlers (the servers accept any); letters and digits only. */
    public static final String ACCESS_KEY_ID = "alphacastlocal";
    public static final String SECRET_ACCESS_KEY = "alphacastlocalsecret";

    private final String region;
    private final URI dynamoDbEndpoint;
    private final URI sqsEndpoint;
    private final AutoCloseable servers;
    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private volatile boolean closed;

    private LocalBackends(String region, URI dynamoDbEndpoint, URI sqsEndpoint, AutoCloseable servers) {
        this.region = region;
        this.dynamoDbEndpoint = dynamoDbEndpoint;
        this.sqsEndpoint = sqsEndpoint;
        this.servers = servers;
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
        this.dynamoDb = DynamoDbClient.builder().endpointOverride(dynamoDbEndpoint).region(Region.of(region))
                .credentialsProvider(credentials).httpClientBuilder(NoDelayHttpClient.builder()).build();
        this.sqs = SqsClient.builder().endpointOverride(sqsEndpoint).region(Region.of(region))
                .credentialsProvider(credentials).httpClientBuilder(NoDelayHttpClient.builder()).build();
    }

    /** First calls load the SDK's and the servers' lazy parts (about a second each): pay for them in parallel. */
    private LocalBackends warmedUp() {
        CompletableFuture<Void> dynamoDbReady = CompletableFuture.runAsync(() -> dynamoDb.listTables(),
                runnable -> daemon(runnable, "warm-up-dynamodb"));
        sqs.listQueues();
        dynamoDbReady.join();
        return this;
    }

    /** Starts the embedded DynamoDB and ElasticMQ in parallel (ElasticMQ's 1.5–2.5 s dominate): free ports, in memory. */
    public static LocalBackends start(String region) {
        return start(region, BackendSettings.ephemeral());
    }

    /** As {@link #start(String)}, on the ports and with the DynamoDB data directory of {@code settings}. */
    public static LocalBackends start(String region, BackendSettings settings) {
        DynamoDbSettings inMemory = DynamoDbSettings.inMemory().withRegion(region, ACCOUNT_ID)
                .onPort(settings.dynamoDbPort());
        DynamoDbSettings dynamoDbSettings = settings.dataDirectory().map(inMemory::persistedIn).orElse(inMemory);
        CompletableFuture<EmbeddedDynamoDb> dynamoDb = CompletableFuture.supplyAsync(
                () -> EmbeddedDynamoDb.start(dynamoDbSettings), runnable -> daemon(runnable, "start-dynamodb"));
        CompletableFuture<EmbeddedSqs> sqs = CompletableFuture.supplyAsync(
                () -> EmbeddedSqs.start(region, ACCOUNT_ID, settings.sqsPort()),
                runnable -> daemon(runnable, "start-elasticmq"));
        try {
            CompletableFuture.allOf(dynamoDb, sqs).join();
        } catch (CompletionException e) {
            dynamoDb.thenAccept(EmbeddedDynamoDb::close);
            sqs.thenAccept(EmbeddedSqs::close);
            throw new IllegalStateException("local cloud servers did not start: " + e.getCause(), e.getCause());
        }
        EmbeddedDynamoDb dynamoDbServer = dynamoDb.join();
        EmbeddedSqs sqsServer = sqs.join();
        return new LocalBackends(region, dynamoDbServer.endpoint(), sqsServer.endpoint(), () -> {
            // Stop both in parallel: ElasticMQ takes about a second.
            CompletableFuture<Void> stopDynamoDb = CompletableFuture.runAsync(dynamoDbServer::close,
                    runnable -> daemon(runnable, "stop-dynamodb"));
            sqsServer.close();
            stopDynamoDb.join();
        }).warmedUp();
    }

    /**
     * DynamoDB and SQS endpoints someone else runs (LocalStack, moto): the same stacks and function runners work
     * against them. Queue URLs must have the form {@code <sqsEndpoint>/<account>/<name>} (LocalStack:
     * {@code SQS_ENDPOINT_STRATEGY=off}) and the account must be {@value #ACCOUNT_ID}. Closing closes only the clients.
     */
    public static LocalBackends external(URI dynamoDbEndpoint, URI sqsEndpoint, String region) {
        return new LocalBackends(region, dynamoDbEndpoint, sqsEndpoint, () -> { });
    }

    public String region() {
        return region;
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbEndpoint;
    }

    public URI sqsEndpoint() {
        return sqsEndpoint;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public SqsClient sqs() {
        return sqs;
    }

    /** Closes the clients and stops the servers this instance started. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        dynamoDb.close();
        sqs.close();
        try {
            servers.close();
        } catch (Exception e) {
            throw new IllegalStateException("local cloud servers did not stop cleanly: " + e, e);
        }
    }

    private static void daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        thread.start();
    }
}
