package com.alphacast.localcloud.sqs;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;

/** ElasticMQ in-process on a loopback port (given, or chosen by the OS), answering with ARNs of the given region and account. */
public final class EmbeddedSqs implements AutoCloseable {

    private final SQSRestServer server;
    private final URI endpoint;

    private EmbeddedSqs(SQSRestServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    /** @param port loopback port to listen on; 0 for any free port */
    public static EmbeddedSqs start(String region, String accountId, int port) {
        TheSQSRestServerBuilder builder = SQSRestServerBuilder.withInterface("127.0.0.1");
        SQSRestServer server = (port == 0 ? builder.withDynamicPort() : builder.withPort(port))
                .withAWSRegion(region).withAWSAccountId(accountId).start();
        int boundPort = server.waitUntilStarted().localAddress().getPort();
        return new EmbeddedSqs(server, URI.create("http://127.0.0.1:" + boundPort));
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
