package com.alphacast.localcloud.dynamodb;

import com.alphacast.localcloud.dynamodb.protocol.DynamoDbHttpHandler;
import com.alphacast.localcloud.dynamodb.protocol.DynamoDbOperations;
import com.alphacast.localcloud.dynamodb.storage.ChangeLog;
import com.alphacast.localcloud.dynamodb.storage.Database;
import com.alphacast.localcloud.dynamodb.storage.SnapshotStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The project's own DynamoDB: an in-process server speaking DynamoDB's JSON protocol on a loopback port (given, or picked by the OS),
 * so the unchanged AWS SDK {@code DynamoDbClient} talks to it. Every region and credential sees the same tables.
 * In memory by default; {@link DynamoDbSettings#persistedIn} keeps the data across restarts.
 */
public final class EmbeddedDynamoDb implements AutoCloseable {

    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService workers;
    private final Database database;
    private final URI endpoint;

    private EmbeddedDynamoDb(HttpServer server, ExecutorService workers, Database database) {
        this.server = server;
        this.workers = workers;
        this.database = database;
        this.endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** In memory, on the system clock. */
    public static EmbeddedDynamoDb start() {
        return start(DynamoDbSettings.inMemory());
    }

    public static EmbeddedDynamoDb start(DynamoDbSettings settings) {
        requestNoDelay();
        ChangeLog changeLog = ChangeLog.NONE;
        Database database;
        if (settings.dataDirectory().isPresent()) {
            SnapshotStore store = SnapshotStore.open(settings.dataDirectory().get());
            database = new Database(settings.clock(), store);
            store.restoreInto(database);
        } else {
            database = new Database(settings.clock(), changeLog);
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "embedded-dynamodb-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 64);
            server.createContext("/", new DynamoDbHttpHandler(new ObjectMapper(),
                    new DynamoDbOperations(database, settings.region(), settings.accountId()), System.err::println));
            server.setExecutor(workers);
            server.start();
            return new EmbeddedDynamoDb(server, workers, database);
        } catch (IOException e) {
            workers.shutdownNow();
            database.close();
            throw new UncheckedIOException("embedded DynamoDB did not start: " + e, e);
        }
    }

    /**
     * The JDK server sends response headers and body in two writes; without TCP_NODELAY each request then waits out
     * the client's delayed ACK (~40 ms instead of ~1 ms). The JDK reads this switch once, when its first server
     * starts, so it is set here unless the application chose otherwise (the build also sets it for tests).
     */
    private static void requestNoDelay() {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Stops accepting requests, lets running ones finish, and writes the snapshot when persisted. */
    @Override
    public void close() {
        server.stop(0);
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        database.close();
    }
}
