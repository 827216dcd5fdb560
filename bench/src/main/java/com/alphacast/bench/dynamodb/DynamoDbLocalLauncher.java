package com.alphacast.bench.dynamodb;

import com.amazonaws.services.dynamodbv2.local.main.CommandLineInput;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import java.net.URI;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Amazon's DynamoDB Local, in memory, on a loopback port (the way local-cloud ran it before it had its own server):
 * the reference side of the latency comparison, only while it is still in the build.
 */
final class DynamoDbLocalLauncher implements LoopbackDynamoDb {

    private final Server server;
    private final LocalDynamoDBServerHandler handler;
    private final URI endpoint;

    private DynamoDbLocalLauncher(Server server, LocalDynamoDBServerHandler handler, URI endpoint) {
        this.server = server;
        this.handler = handler;
        this.endpoint = endpoint;
    }

    static DynamoDbLocalLauncher start() {
        try {
            CommandLineInput input = new CommandLineInput(new String[] {"-inMemory", "-sharedDb", "-disableTelemetry"});
            if (!input.init()) {
                throw new IllegalStateException("DynamoDB Local rejected its arguments");
            }
            LocalDynamoDBServerHandler handler = new LocalDynamoDBServerHandler(new LocalDynamoDBRequestHandler(0,
                    input.isInMemory(), input.getDbPath(), input.getSharedDb(), input.shouldDelayTransientStatuses()),
                    input.getCorsParams());
            Server server = new Server();
            ServerConnector connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            server.addConnector(connector);
            server.setHandler(new DynamoDBProxyServer(0, handler).setUpHandler(handler));
            server.start();
            return new DynamoDbLocalLauncher(server, handler, URI.create("http://127.0.0.1:" + connector.getLocalPort()));
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start: " + e, e);
        }
    }

    @Override
    public String name() {
        return "DynamoDB Local 2.6.1";
    }

    @Override
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
        }
    }
}
