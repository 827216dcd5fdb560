package com.alphacast.core.usecase.approval;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    /**
     * Sends {@code forwards}, as a transport can in fewer requests than one each, and says which were sent: a failure
     * is reported, not thrown, so the caller can record those sent before it propagates the failure (the others stay
     * pending and are sent again later). The default sends one by one and stops at the first failure.
     */
    default Published publishAll(List<Forward> forwards) {
        List<Forward> sent = new ArrayList<>();
        for (Forward forward : forwards) {
            try {
                publish(forward);
            } catch (RuntimeException failure) {
                return new Published(sent, Optional.of(failure));
            }
            sent.add(forward);
        }
        return new Published(sent, Optional.empty());
    }

    /** What {@link #publishAll} sent, and why the rest was not, if any was not. */
    record Published(List<Forward> sent, Optional<RuntimeException> failure) {

        public Published {
            sent = List.copyOf(sent);
        }
    }
}
