package com.alphacast.cli.demo;

import com.alphacast.core.distribution.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The demo's outbox directory, which each run starts empty. It only ever deletes files it created: the
 * {@code <channel>.jsonl} files, in a directory under {@code <home>/.alphacast/} that carries the {@value #MARKER}
 * file proving the project made it. A directory without the marker that holds anything else is refused, never
 * emptied; nothing is deleted recursively.
 */
public final class DemoOutbox {

    static final String MARKER = ".alphacast-outbox";

    private DemoOutbox() {
    }

    /** Thrown when the directory is not one the project owns; the message says what to change. */
    public static final class NotOursException extends RuntimeException {
        NotOursException(String message) {
            super(message);
        }
    }

    /**
     * Makes {@code home/relative} an empty outbox the project owns and returns it.
     *
     * @param relative the validated {@code distribution.outboxDirectory} (relative, inside {@code .alphacast/})
     */
    public static Path prepare(Path home, String relative) {
        Path owned = home.resolve(".alphacast").normalize();
        Path outbox = home.resolve(relative).normalize();
        if (!outbox.startsWith(owned) || outbox.equals(owned)) {
            throw new NotOursException("distribution.outboxDirectory '" + relative + "' is not inside " + owned);
        }
        try {
            for (Path p = outbox; p.startsWith(owned); p = p.getParent()) {
                if (Files.isSymbolicLink(p)) {
                    throw new NotOursException(p + " is a symbolic link; the outbox must be a real directory under "
                            + owned);
                }
            }
            Files.createDirectories(outbox);
            Path marker = outbox.resolve(MARKER);
            if (!Files.exists(marker, LinkOption.NOFOLLOW_LINKS)) {
                List<String> foreign = foreignEntries(outbox);
                if (!foreign.isEmpty()) {
                    throw new NotOursException(outbox + " was not created by ./alphacast demo (no " + MARKER
                            + " file) and holds " + foreign + "; move those away or choose another "
                            + "distribution.outboxDirectory");
                }
                Files.writeString(marker, "Created by ./alphacast demo: the <channel>.jsonl files here are replaced "
                        + "on every run.\n");
            }
            for (Channel channel : Channel.values()) {
                Files.deleteIfExists(outbox.resolve(channel.key() + ".jsonl"));
            }
            return outbox;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the demo outbox " + outbox, e);
        }
    }

    private static List<String> foreignEntries(Path outbox) throws IOException {
        Set<String> ours = new HashSet<>();
        for (Channel channel : Channel.values()) {
            ours.add(channel.key() + ".jsonl");
        }
        List<String> foreign = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(outbox)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!ours.contains(name) || !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    foreign.add(name);
                }
                if (foreign.size() == 5) {
                    break;
                }
            }
        }
        return foreign;
    }
}
