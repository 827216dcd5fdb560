package com.alphacast.bots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a secret, or any 6-character piece of it, shows in what a reader of errors and logs can see: each
 * throwable's message and {@code toString} through the whole cause and suppressed graph, and captured output.
 */
public final class SecretLeaks {

    public static final int PIECE = 6;

    private SecretLeaks() {
    }

    /** Every text a throwable exposes: its {@code toString} and message, and those of its causes and suppressed. */
    public static List<String> texts(Throwable thrown) {
        List<String> texts = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> pending = new ArrayList<>();
        pending.add(thrown);
        while (!pending.isEmpty()) {
            Throwable next = pending.remove(pending.size() - 1);
            if (next == null || !seen.add(next)) {
                continue;
            }
            texts.add(String.valueOf(next));
            texts.add(String.valueOf(next.getMessage()));
            pending.add(next.getCause());
            pending.addAll(List.of(next.getSuppressed()));
        }
        return texts;
    }

    /** The first piece of {@code secret} ({@value #PIECE} characters or the whole of a shorter one) found in {@code text}. */
    public static Optional<String> leakedPiece(String text, String secret) {
        if (text == null) {
            return Optional.empty();
        }
        if (secret.length() < PIECE) {
            return text.contains(secret) ? Optional.of(secret) : Optional.empty();
        }
        for (int i = 0; i + PIECE <= secret.length(); i++) {
            String piece = secret.substring(i, i + PIECE);
            if (text.contains(piece)) {
                return Optional.of(piece);
            }
        }
        return Optional.empty();
    }

    /** Fails naming the piece when {@code secret} shows in the throwable's texts or in any of {@code outputs}. */
    public static void assertNoLeak(String secret, Throwable thrown, List<String> outputs) {
        List<String> visible = new ArrayList<>(outputs);
        if (thrown != null) {
            visible.addAll(texts(thrown));
        }
        for (String text : visible) {
            assertThat(leakedPiece(text, secret)).as("secret piece in: %s", text).isEmpty();
        }
    }
}
