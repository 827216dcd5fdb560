package com.alphacast.aws.json;

/** A message body that cannot be turned into the expected value; the message names what was wrong. */
public class MalformedMessageException extends RuntimeException {

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
