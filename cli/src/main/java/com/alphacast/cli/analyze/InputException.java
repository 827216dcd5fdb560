package com.alphacast.cli.analyze;

/** Input the command cannot use (missing file, unusable content) that is not tied to a parse position. Exit 2. */
final class InputException extends RuntimeException {

    InputException(String message) {
        super(message);
    }
}
