package com.alphacast.bench.dynamodb;

import java.net.URI;

/** A DynamoDB-protocol server on a loopback port, as the latency run sees it. */
interface LoopbackDynamoDb extends AutoCloseable {

    String name();

    URI endpoint();

    @Override
    void close();
}
