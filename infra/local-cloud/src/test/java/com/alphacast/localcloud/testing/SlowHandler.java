package com.alphacast.localcloud.testing;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;

/** Sleeps for the number of milliseconds in each record's body: for exercising the function Timeout. */
public final class SlowHandler {

    public void handle(SQSEvent event) throws InterruptedException {
        for (SQSEvent.SQSMessage record : event.getRecords()) {
            Thread.sleep(Long.parseLong(record.getBody().trim()));
        }
    }
}
