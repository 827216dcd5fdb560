package com.alphacast.localcloud.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TemporaryHomeTest {

    @Test
    void deletesTheHomeWithEverythingTheFunctionsWroteIntoIt() throws IOException {
        Path home = TemporaryHome.create("alphacast-temporary-home-test");
        assertThat(home.getFileName().toString()).startsWith("alphacast-temporary-home-test");
        Path outbox = Files.createDirectories(home.resolve(".alphacast/outbox"));
        Files.writeString(outbox.resolve("telegram.jsonl"), "{}\n");

        TemporaryHome.delete(home);

        assertThat(home).doesNotExist();
    }
}
