package com.alphacast.localcloud.testing;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;

/** Breaks the instantiation contract (no Map or no-arg constructor): the local cloud must refuse it. */
public final class NoUsableConstructorHandler {

    public NoUsableConstructorHandler(String unsupported) {
    }

    public void handle(SQSEvent event) {
    }
}
