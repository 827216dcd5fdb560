package com.alphacast.aws.sqs;

import com.alphacast.core.signal.Signal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * How messages sent to a FIFO queue are ordered and deduplicated: every message in one message group (SQS hands a
 * group's messages to one receiver at a time, in send order), and a deduplication id per message (a second send with
 * the same id within SQS's five minutes is accepted and dropped).
 *
 * @param messageGroupId    the group every message goes to
 * @param deduplicationIds  the message's own stable, unique id, when it has one
 */
public record FifoOrdering(String messageGroupId, DeduplicationIds deduplicationIds) {

    /** SQS's limit on a group or deduplication id. */
    public static final int MAX_ID_LENGTH = 128;

    /** The message's own id (e.g. a signal's), or empty to deduplicate by the body's SHA-256. */
    @FunctionalInterface
    public interface DeduplicationIds {
        Optional<String> of(Object message);
    }

    public FifoOrdering {
        if (!isValidId(messageGroupId)) {
            throw new IllegalArgumentException("a message group id must be 1.." + MAX_ID_LENGTH
                    + " printable ASCII characters, was '" + messageGroupId + "'");
        }
    }

    /**
     * SignalsQueue: one group, so the risk check decides signals one at a time in the order they were sent; a
     * signal is deduplicated by its id, which is unique and stable across the worker's resends.
     */
    public static FifoOrdering signals() {
        return new FifoOrdering("signals", message -> message instanceof Signal signal
                ? Optional.of(signal.id()) : Optional.empty());
    }

    /**
     * The deduplication id SQS gets for {@code message} sent as {@code body}: its own id when SQS accepts it as
     * one, a SHA-256 of that id when not (too long, or characters SQS refuses), the body's SHA-256 without one.
     */
    public String deduplicationId(Object message, String body) {
        return deduplicationIds.of(message)
                .map(id -> isValidId(id) ? id : sha256(id))
                .orElseGet(() -> sha256(body));
    }

    /** 1..128 characters from ASCII '!' to '~', as SQS requires of group and deduplication ids. */
    static boolean isValidId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            return false;
        }
        return id.chars().allMatch(c -> c >= '!' && c <= '~');
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }
}
