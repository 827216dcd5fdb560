package com.alphacast.functions;

import com.alphacast.localcloud.junit.LocalCloudExtension;
import com.alphacast.localcloud.junit.TemporaryHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test resources the pipeline tests hand to the functions (as files, because functions read them by path). */
final class PipelineFixtures {

    private PipelineFixtures() {
    }

    /** The demo profile with wide risk limits (src/test/resources/pipeline-config/demo.yaml). */
    static Path pipelineConfig() {
        try {
            return Path.of(PipelineFixtures.class.getResource("/pipeline-config/demo.yaml").toURI()).getParent();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("src/test/resources/pipeline-config/demo.yaml is missing", e);
        }
    }

    /** The same demo profile with one position slot (src/test/resources/one-slot-config/demo.yaml). */
    static Path oneSlotConfig() {
        try {
            return Path.of(PipelineFixtures.class.getResource("/one-slot-config/demo.yaml").toURI()).getParent();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("src/test/resources/one-slot-config/demo.yaml is missing", e);
        }
    }

    /**
     * The project's config/demo.yaml with {@code block} rewritten to {@code replacement}, written as demo.yaml into a
     * new temporary home named after {@code home}; returns that directory (the functions' config dir and home).
     * Refuses a demo profile without the block ({@code what} names it), so a changed profile cannot quietly leave a
     * test on the outbox sink it meant to replace.
     */
    static Path demoConfigWith(String home, String what, String block, String replacement) {
        try {
            Path dir = TemporaryHome.create(home);
            String demo = Files.readString(LocalCloudExtension.projectRoot().resolve("config/demo.yaml"));
            String rewritten = demo.replace(block, replacement);
            if (rewritten.equals(demo)) {
                throw new IllegalStateException("config/demo.yaml no longer has the " + what
                        + " block this test rewrites");
            }
            Files.writeString(dir.resolve("demo.yaml"), rewritten);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
