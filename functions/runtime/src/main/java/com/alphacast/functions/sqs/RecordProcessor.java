package com.alphacast.functions.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;

/** Handles one SQS record; throwing marks just that record failed. */
@FunctionalInterface
public interface RecordProcessor {

    void process(SQSEvent.SQSMessage message) throws Exception;
}
