package com.alphacast.core.usecase.approval;

/** Sends an approval's forwards on (a queue per kind in AWS). Sending the same forward twice must be harmless downstream. */
@FunctionalInterface
public interface ForwardPublisher {

    void publish(Forward forward);
}
