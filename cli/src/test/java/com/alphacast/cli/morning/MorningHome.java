package com.alphacast.cli.morning;

import com.alphacast.localcloud.junit.LocalCloudExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A checkout's worth of files for {@code morning}: template, demo settings, the shipped chain, the built functions. */
final class MorningHome {

    private MorningHome() {
    }

    static Path prepare(Path home) throws IOException {
        Path root = LocalCloudExtension.projectRoot();
        if (!Files.exists(home.resolve("template.yaml"))) {
            Files.copy(root.resolve("template.yaml"), home.resolve("template.yaml"));
            Files.createDirectories(home.resolve("config"));
            Files.copy(root.resolve("config/demo.yaml"), home.resolve("config/demo.yaml"));
            Files.createDirectories(home.resolve("data/demo"));
            Files.copy(root.resolve(MorningCommand.SHIPPED_CHAIN), home.resolve(MorningCommand.SHIPPED_CHAIN));
            // The template's CodeUri paths are relative to it and all lie under functions/: the packages just built.
            Files.createSymbolicLink(home.resolve("functions"), root.resolve("functions"));
        }
        return home;
    }
}
