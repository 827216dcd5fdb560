package com.alphacast.localcloud.function;

/**
 * Identifies one event of a function while it is validated, with the function settings event rules depend on
 * (Lambda refuses an SQS mapping whose queue's visibility timeout is shorter than the function's timeout).
 */
public record FunctionEvent(String functionLogicalId, String eventName, int functionTimeoutSeconds) {
}
