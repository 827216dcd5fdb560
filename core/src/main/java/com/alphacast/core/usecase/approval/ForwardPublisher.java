package com.alphacast.core.usecase.approval;

import java.util.List;

/**
 * Sends an approval's forwards on (a queue per kind in AWS). Sending the same forward twice must be harmless
 * downstream.
 */
public interface ForwardPublisher {

    /**
     * Why {@code forward} could never be sent, however often it were retried (too large, characters the
     * transport refuses, a delay it cannot hold); empty when it can be sent. Checked before an approval is
     * committed, so no approval is recorded that can never be carried out.
     */
    List<String> refusals(Forward forward);

    /** Sends {@code forward}; a failure is transient (the forward stays pending and is sent again later). */
    void publish(Forward forward);
}
