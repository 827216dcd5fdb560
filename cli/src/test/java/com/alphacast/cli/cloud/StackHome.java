package com.alphacast.cli.cloud;

import com.alphacast.localcloud.junit.LocalCloudExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A project home for {@code cloud up} in a temporary directory (so the outbox lands there) with the built function
 * packages linked in (so tests using it run as failsafe {@code *IT}, after package), and free ports.
 */
final class StackHome {

    private StackHome() {
    }

    static Path copyInto(Path home) throws IOException {
        Path root = LocalCloudExtension.projectRoot();
        Files.copy(root.resolve("template.yaml"), home.resolve("template.yaml"));
        Files.createDirectories(home.resolve("config"));
        Files.copy(root.resolve("config/demo.yaml"), home.resolve("config/demo.yaml"));
        // The template's CodeUri paths are relative to it and all lie under functions/: the packages just built.
        Files.createSymbolicLink(home.resolve("functions"), root.resolve("functions"));
        return home;
    }

    /** A port N with N, N+1 and N+2 free, as {@code --port-base N} needs. */
    static int freePortBase() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20_000, 60_000);
            if (PortProbe.isFree(base) && PortProbe.isFree(base + 1) && PortProbe.isFree(base + 2)) {
                return base;
            }
        }
        throw new IllegalStateException("no three adjacent free ports found between 20000 and 60000");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
