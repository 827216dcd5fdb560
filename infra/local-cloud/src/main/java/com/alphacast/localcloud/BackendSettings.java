package com.alphacast.localcloud;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the local servers listen and keep their data.
 *
 * @param dynamoDbPort  loopback port of the DynamoDB server; 0 lets the OS pick a free one
 * @param sqsPort       loopback port of the SQS server (ElasticMQ); 0 lets the OS pick a free one
 * @param httpPort      loopback port serving the template's HTTP APIs (HttpApi routes); 0 lets the OS pick a free one.
 *                      Each stack serves its own routes, so this port is used even on servers someone else started
 * @param dataDirectory where the embedded DynamoDB keeps tables and items between runs; empty keeps them in memory.
 *                      ElasticMQ keeps its queues and messages in memory either way.
 */
public record BackendSettings(int dynamoDbPort, int sqsPort, int httpPort, Optional<Path> dataDirectory) {

    public BackendSettings {
        requirePort("DynamoDB", dynamoDbPort);
        requirePort("SQS", sqsPort);
        requirePort("HTTP API", httpPort);
        requireDistinct("DynamoDB", dynamoDbPort, "SQS", sqsPort);
        requireDistinct("DynamoDB", dynamoDbPort, "HTTP API", httpPort);
        requireDistinct("SQS", sqsPort, "HTTP API", httpPort);
        if (dataDirectory == null) {
            throw new IllegalArgumentException("dataDirectory must be an Optional, not null");
        }
    }

    /** DynamoDB and SQS on the given ports, HTTP APIs on any free port. */
    public BackendSettings(int dynamoDbPort, int sqsPort, Optional<Path> dataDirectory) {
        this(dynamoDbPort, sqsPort, 0, dataDirectory);
    }

    /** Free ports chosen by the OS, everything in memory: what tests and the demo use. */
    public static BackendSettings ephemeral() {
        return new BackendSettings(0, 0, 0, Optional.empty());
    }

    /** The same ports, with DynamoDB's tables and items kept in {@code directory}. */
    public BackendSettings withDataDirectory(Path directory) {
        return new BackendSettings(dynamoDbPort, sqsPort, httpPort, Optional.of(directory));
    }

    /** The same settings with HTTP APIs served on {@code port}. */
    public BackendSettings withHttpPort(int port) {
        return new BackendSettings(dynamoDbPort, sqsPort, port, dataDirectory);
    }

    private static void requirePort(String server, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(server + " port must be within 0..65535 (0: any free port), got " + port);
        }
    }

    private static void requireDistinct(String one, int onePort, String other, int otherPort) {
        if (onePort != 0 && onePort == otherPort) {
            throw new IllegalArgumentException(one + " and " + other + " cannot share port " + onePort);
        }
    }
}
