package com.alphacast.core.broker;

/** The broker could not take the order now; retrying later is safe because submission is idempotent. */
public class BrokerException extends Exception {

    public BrokerException(String message) {
        super(message);
    }
}
