package com.alphacast.localcloud.dynamodb.oracle;

import com.amazonaws.services.dynamodbv2.local.main.CommandLineInput;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import java.net.URI;
import java.util.Arrays;
import java.util.Set;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Amazon's DynamoDB Local (test scope, only while the oracle is recorded), in memory, served on a loopback-only port chosen by the OS. {@code -sharedDb} makes every region
 * and credential see the same tables, so handlers built from any environment find them.
 *
 * <p>DynamoDB Local's own server binds every interface on a port the caller must pick in advance; we mount its
 * request handler on our own Jetty connector instead (127.0.0.1, port 0), which also keeps its start-up banner and
 * telemetry out of the picture.
 */
public final class DynamoDbLocalServer implements AutoCloseable {

    private final Server server;
    private final LocalDynamoDBServerHandler handler;
    private final URI endpoint;
    private final Set<Thread> threadsBeforeStart;

    private DynamoDbLocalServer(Server server, LocalDynamoDBServerHandler handler, URI endpoint,
                             Set<Thread> threadsBeforeStart) {
        this.server = server;
        this.handler = handler;
        this.endpoint = endpoint;
        this.threadsBeforeStart = threadsBeforeStart;
    }

    public static DynamoDbLocalServer start() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        Server server = new Server();
        LocalDynamoDBServerHandler handler = null;
        try {
            CommandLineInput input = new CommandLineInput(new String[] {"-inMemory", "-sharedDb", "-disableTelemetry"});
            if (!input.init()) {
                throw new IllegalStateException("DynamoDB Local rejected its arguments");
            }
            handler = new LocalDynamoDBServerHandler(new LocalDynamoDBRequestHandler(0, input.isInMemory(),
                    input.getDbPath(), input.getSharedDb(), input.shouldDelayTransientStatuses()), input.getCorsParams());
            ServerConnector connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            server.addConnector(connector);
            // Only used for the handler wiring DynamoDB Local applies to its own server; never started.
            server.setHandler(new DynamoDBProxyServer(0, handler).setUpHandler(handler));
            server.start();
            return new DynamoDbLocalServer(server, handler, URI.create("http://127.0.0.1:" + connector.getLocalPort()), before);
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // Already failing; the start error is the one worth reporting.
            }
            if (handler != null) {
                handler.close();
            }
            throw new IllegalStateException("DynamoDB Local did not start: " + e, e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            server.stop();
            handler.close();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop: " + e, e);
        } finally {
            // DynamoDB Local's background jobs (shard rollover, ...) sleep for minutes and ignore shutdown; they keep
            // the JVM alive unless interrupted.
            Thread.getAllStackTraces().forEach((thread, stack) -> {
                if (!threadsBeforeStart.contains(thread) && Arrays.stream(stack)
                        .anyMatch(f -> f.getClassName().startsWith("com.amazonaws.services.dynamodbv2.local.shared.jobs"))) {
                    thread.interrupt();
                }
            });
        }
    }
}
