package com.alphacast.localcloud;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Locates the test templates under src/test/resources/templates. */
final class TestTemplates {

    private TestTemplates() {
    }

    static Path runnerStack() {
        return path("runner-stack.yaml");
    }

    static Path path(String name) {
        try {
            return Path.of(TestTemplates.class.getResource("/templates/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test template " + name + " missing", e);
        }
    }
}
