package com.alphacast.localcloud.dynamodb;

import com.amazonaws.services.dynamodbv2.local.main.CommandLineInput;
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Arrays;
import java.util.Set;

/**
 * DynamoDB Local in server mode, in memory, on a free loopback port. {@code -sharedDb} makes every region and
 * credential see the same tables, so handlers built from any environment find them.
 */
public final class EmbeddedDynamoDb implements AutoCloseable {

    private static final int START_ATTEMPTS = 3;

    private final DynamoDBProxyServer server;
    private final URI endpoint;
    private final Set<Thread> threadsBeforeStart;

    private EmbeddedDynamoDb(DynamoDBProxyServer server, URI endpoint, Set<Thread> threadsBeforeStart) {
        this.server = server;
        this.endpoint = endpoint;
        this.threadsBeforeStart = threadsBeforeStart;
    }

    public static EmbeddedDynamoDb start() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        Exception last = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            int port = freeLoopbackPort();
            try {
                CommandLineInput input = new CommandLineInput(new String[] {
                        "-inMemory", "-sharedDb", "-port", Integer.toString(port), "-disableTelemetry"});
                if (!input.init()) {
                    throw new IllegalStateException("DynamoDB Local rejected its arguments");
                }
                // createServer (unlike createServerFromCommandLineArgs) does not print a banner on stdout.
                DynamoDBProxyServer server = ServerRunner.createServer(input);
                server.start();
                return new EmbeddedDynamoDb(server, URI.create("http://127.0.0.1:" + port), before);
            } catch (Exception e) {
                // Another process may have taken the port between probing and binding: try another one.
                last = e;
            }
        }
        throw new IllegalStateException("DynamoDB Local did not start: " + last, last);
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop: " + e, e);
        } finally {
            // DynamoDB Local's background jobs (shard rollover, ...) sleep for minutes and ignore stop(); they keep
            // the JVM alive unless interrupted.
            Thread.getAllStackTraces().forEach((thread, stack) -> {
                if (!threadsBeforeStart.contains(thread) && Arrays.stream(stack)
                        .anyMatch(f -> f.getClassName().startsWith("com.amazonaws.services.dynamodbv2.local.shared.jobs"))) {
                    thread.interrupt();
                }
            });
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port: " + e.getMessage(), e);
        }
    }
}
