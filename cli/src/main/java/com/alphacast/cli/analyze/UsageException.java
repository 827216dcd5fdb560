package com.alphacast.cli.analyze;

/** Wrong command line: unknown option, missing value, value of the wrong shape. Exit code 64. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
