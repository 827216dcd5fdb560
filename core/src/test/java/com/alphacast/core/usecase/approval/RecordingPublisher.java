package com.alphacast.core.usecase.approval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** Forwards in memory: what was published, in order, with refusal rules and transient failures on demand. */
final class RecordingPublisher implements ForwardPublisher {

    final List<Forward> published = new ArrayList<>();
    private final Map<String, Integer> failuresLeft = new HashMap<>();
    private Function<Forward, String> refusal = f -> null;
    private Consumer<Forward> beforePublish = f -> { };
    /** When set, publishAll sends a whole list as one batch, as SQS's SendMessageBatch does, instead of one by one. */
    private boolean batching;
    /** How many publishAll calls were made. */
    int batches;

    /** {@code rule} returns why a forward can never be sent, or null when it can. */
    void refuseWhen(Function<Forward, String> rule) {
        this.refusal = rule;
    }

    /** The next {@code times} publishes of forwards keyed {@code key} fail as an unavailable queue would. */
    void failPublishing(String key, int times) {
        failuresLeft.put(key, times);
    }

    /**
     * publishAll sends every forward of a call as one batch: a failing one fails alone (the batch's other entries are
     * still sent), as an entry SendMessageBatch reports failed.
     */
    void batchLikeSqs() {
        this.batching = true;
    }

    void beforePublish(Consumer<Forward> action) {
        this.beforePublish = action;
    }

    @Override
    public List<String> refusals(Forward forward) {
        String reason = refusal.apply(forward);
        return reason == null ? List.of() : List.of(reason);
    }

    @Override
    public void publish(Forward forward) {
        beforePublish.accept(forward);
        int left = failuresLeft.getOrDefault(forward.key(), 0);
        if (left > 0) {
            failuresLeft.put(forward.key(), left - 1);
            throw new IllegalStateException("queue unavailable for " + forward.key() + " of " + forward.signal().id());
        }
        if (!refusals(forward).isEmpty()) {
            throw new IllegalArgumentException("published a forward the transport refuses: " + refusals(forward));
        }
        published.add(forward);
    }

    @Override
    public Published publishAll(List<Forward> forwards) {
        batches++;
        if (!batching) {
            return ForwardPublisher.super.publishAll(forwards);
        }
        List<Forward> sent = new ArrayList<>();
        RuntimeException failure = null;
        for (Forward forward : forwards) {
            try {
                publish(forward);
                sent.add(forward);
            } catch (RuntimeException failed) {
                failure = failure == null ? failed : failure;
            }
        }
        return new Published(sent, Optional.ofNullable(failure));
    }
}
