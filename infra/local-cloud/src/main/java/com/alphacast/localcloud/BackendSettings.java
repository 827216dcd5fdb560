package com.alphacast.localcloud;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the local servers listen and keep their data.
 *
 * @param dynamoDbPort  loopback port of the DynamoDB server; 0 lets the OS pick a free one
 * @param sqsPort       loopback port of the SQS server (ElasticMQ); 0 lets the OS pick a free one
 * @param dataDirectory where the embedded DynamoDB keeps tables and items between runs; empty keeps them in memory.
 *                      ElasticMQ keeps its queues and messages in memory either way.
 */
public record BackendSettings(int dynamoDbPort, int sqsPort, Optional<Path> dataDirectory) {

    public BackendSettings {
        requirePort("DynamoDB", dynamoDbPort);
        requirePort("SQS", sqsPort);
        if (dynamoDbPort != 0 && dynamoDbPort == sqsPort) {
            throw new IllegalArgumentException("DynamoDB and SQS cannot share port " + dynamoDbPort);
        }
        if (dataDirectory == null) {
            throw new IllegalArgumentException("dataDirectory must be an Optional, not null");
        }
    }

    /** Free ports chosen by the OS, everything in memory: what tests and the demo use. */
    public static BackendSettings ephemeral() {
        return new BackendSettings(0, 0, Optional.empty());
    }

    /** The same ports, with DynamoDB's tables and items kept in {@code directory}. */
    public BackendSettings withDataDirectory(Path directory) {
        return new BackendSettings(dynamoDbPort, sqsPort, Optional.of(directory));
    }

    private static void requirePort(String server, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(server + " port must be within 0..65535 (0: any free port), got " + port);
        }
    }
}
