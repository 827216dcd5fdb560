package com.alphacast.localcloud.dynamodb;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * How an {@link EmbeddedDynamoDb} runs.
 *
 * @param dataDirectory where tables and items survive a restart; empty keeps everything in memory. The directory
 *                      holds {@code dynamodb-snapshot.json} (written on close) and {@code dynamodb-changes.jsonl}
 *                      (every committed change, appended as it happens, so data survives a crash too); both are
 *                      created when missing and read at start.
 * @param clock         the time TTL expiry and CreationDateTime use (tests drive it)
 * @param region        region in table ARNs
 * @param accountId     account in table ARNs
 * @param port          loopback port to listen on; 0 lets the OS pick a free one
 */
public record DynamoDbSettings(Optional<Path> dataDirectory, Clock clock, String region, String accountId, int port) {

    public DynamoDbSettings {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("DynamoDB port must be within 0..65535 (0: any free port), got " + port);
        }
    }

    /** In memory, system clock, us-east-1, account 000000000000. */
    public static DynamoDbSettings inMemory() {
        return new DynamoDbSettings(Optional.empty(), Clock.systemUTC(), "us-east-1", "000000000000", 0);
    }

    /** Keeps tables and items in {@code directory} across restarts. */
    public DynamoDbSettings persistedIn(Path directory) {
        return new DynamoDbSettings(Optional.of(directory), clock, region, accountId, port);
    }

    public DynamoDbSettings withClock(Clock newClock) {
        return new DynamoDbSettings(dataDirectory, newClock, region, accountId, port);
    }

    public DynamoDbSettings withRegion(String newRegion, String newAccountId) {
        return new DynamoDbSettings(dataDirectory, clock, newRegion, newAccountId, port);
    }

    /** Listens on {@code newPort} (0: any free port). */
    public DynamoDbSettings onPort(int newPort) {
        return new DynamoDbSettings(dataDirectory, clock, region, accountId, newPort);
    }
}
