package com.alphacast.core.distribution;

/** A delivery failed for a reason that may pass (timeout, 5xx, rate limit); retrying later is safe. */
public class DeliveryFailedException extends Exception {

    public DeliveryFailedException(String message) {
        super(message);
    }

    public DeliveryFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
