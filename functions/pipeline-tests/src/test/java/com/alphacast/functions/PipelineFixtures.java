package com.alphacast.functions;

import java.net.URISyntaxException;
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
}
