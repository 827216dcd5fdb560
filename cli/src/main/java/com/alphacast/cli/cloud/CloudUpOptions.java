package com.alphacast.cli.cloud;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code ./alphacast cloud up} was asked for.
 *
 * @param portBase      DynamoDB listens on this port, SQS on the next one, the template's HTTP APIs on the one after
 * @param dataDirectory where DynamoDB keeps tables and items between runs (queues are never kept); empty: in memory
 * @param profile       settings profile the functions load ({@code config/<profile>.yaml})
 * @param home          project root: {@code template.yaml} and {@code config/} are read from here
 */
public record CloudUpOptions(int portBase, Optional<Path> dataDirectory, String profile, Path home) {

    /** DynamoDB Local's customary port, so tools configured for it work unchanged; SQS gets the next one. */
    public static final int DEFAULT_PORT_BASE = 8000;
    /** Unprivileged ports only, and room for SQS on {@code portBase + 1} and HTTP APIs on {@code portBase + 2}. */
    public static final int LOWEST_PORT_BASE = 1024;
    public static final int HIGHEST_PORT_BASE = 65_533;

    static final String USAGE = """
            usage: ./alphacast cloud up [--port-base N] [--data-dir DIR] [--profile NAME] [--home DIR]
              Starts the local cloud from template.yaml (DynamoDB, SQS, every function polling its queue or serving its
              HTTP routes) and keeps it up until Ctrl-C or SIGTERM, printing endpoints, credentials, table and queue
              names, HTTP routes and AWS CLI examples.
              --port-base N    DynamoDB on N, SQS on N+1, HTTP APIs on N+2 (default %d; %d..%d)
              --data-dir DIR   keep the stack's data between runs (arrives with the project's embedded DynamoDB)
              --profile NAME   settings profile the functions load (default demo: outbox sinks, no credentials)
              --home DIR       project root holding template.yaml and config/ (default: the launcher's)
            """.formatted(DEFAULT_PORT_BASE, LOWEST_PORT_BASE, HIGHEST_PORT_BASE);

    public CloudUpOptions {
        if (portBase < LOWEST_PORT_BASE || portBase > HIGHEST_PORT_BASE) {
            throw new UsageError("--port-base must be within " + LOWEST_PORT_BASE + ".." + HIGHEST_PORT_BASE
                    + " (DynamoDB on N, SQS on N+1, HTTP APIs on N+2), got " + portBase);
        }
    }

    public int dynamoDbPort() {
        return portBase;
    }

    public int sqsPort() {
        return portBase + 1;
    }

    /** Where the template's HttpApi routes are served. */
    public int httpPort() {
        return portBase + 2;
    }

    /**
     * Parses {@code cloud up}'s arguments.
     *
     * @throws UsageError naming the option that is unknown, lacks its value, or has a bad one
     */
    public static CloudUpOptions parse(List<String> args, Path defaultHome) {
        int portBase = DEFAULT_PORT_BASE;
        Optional<Path> dataDirectory = Optional.empty();
        String profile = "demo";
        Path home = defaultHome;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (!List.of("--port-base", "--data-dir", "--profile", "--home").contains(option)) {
                throw new UsageError("unknown option '" + option + "' (see ./alphacast cloud up --help)");
            }
            if (i + 1 >= args.size() || args.get(i + 1).isBlank()) {
                throw new UsageError(option + " needs a value");
            }
            String value = args.get(++i);
            switch (option) {
                case "--port-base" -> portBase = portNumber(value);
                case "--data-dir" -> dataDirectory = Optional.of(Path.of(value).toAbsolutePath().normalize());
                case "--profile" -> profile = value;
                default -> home = Path.of(value).toAbsolutePath().normalize();
            }
        }
        return new CloudUpOptions(portBase, dataDirectory, profile, home);
    }

    private static int portNumber(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageError("--port-base must be a port number, got '" + value + "'");
        }
    }

    /** A bad command line: the message says what was wrong; the command exits 64. */
    public static final class UsageError extends RuntimeException {
        public UsageError(String message) {
            super(message);
        }
    }
}
