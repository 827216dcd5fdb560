package com.alphacast.worker;

import java.nio.file.Path;
import java.util.Map;

/**
 * The worker's environment: which settings profile, where the snapshots table and signals queue are
 * (template.yaml's outputs), and the AWS endpoints. Passed in explicitly so the local runner can start a
 * worker against the local cloud inside its own JVM.
 */
public record WorkerEnvironment(Map<String, String> variables) {

    public WorkerEnvironment {
        variables = Map.copyOf(variables);
    }

    public String require(String name) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set (the ingest worker needs it; "
                    + "see ingest-worker/README.md)");
        }
        return value;
    }

    public String profile() {
        return variables.getOrDefault("ALPHACAST_PROFILE", "production");
    }

    /** Where relative paths in settings resolve (ALPHACAST_HOME, else the working directory). */
    public Path home() {
        return Path.of(variables.getOrDefault("ALPHACAST_HOME", ".")).toAbsolutePath().normalize();
    }
}
