package com.alphacast.localcloud.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FunctionPackageMissingExceptionTest {

    @Test
    void buildsTheModuleThatPrecedesTargetInCodeUri() {
        assertThat(FunctionPackageMissingException.buildCommand("functions/target/alphacast-functions.jar"))
                .isEqualTo("mvn -B -DskipTests package -pl functions -am");
        assertThat(FunctionPackageMissingException.buildCommand("./functions/risk-check/target/risk-check.jar"))
                .isEqualTo("mvn -B -DskipTests package -pl functions/risk-check -am");
        assertThat(FunctionPackageMissingException.buildCommand("functions\\order\\target\\classes"))
                .isEqualTo("mvn -B -DskipTests package -pl functions/order -am");
    }

    @Test
    void buildsEverythingWhenCodeUriIsNotInAModulesTarget() {
        assertThat(FunctionPackageMissingException.buildCommand("target/app.jar")).isEqualTo("mvn -B -DskipTests package");
        assertThat(FunctionPackageMissingException.buildCommand("build/echo.zip")).isEqualTo("mvn -B -DskipTests package");
    }

    @Test
    void saysItAllOnOneLine() {
        FunctionPackageMissingException missing = new FunctionPackageMissingException("OrderFunction",
                "functions/target/alphacast-functions.jar", Path.of("/work/app/functions/target/alphacast-functions.jar"));
        assertThat(missing.getMessage()).isEqualTo("function OrderFunction: package functions/target/alphacast-functions.jar"
                + " (CodeUri) not found at /work/app/functions/target/alphacast-functions.jar; build it with:"
                + " mvn -B -DskipTests package -pl functions -am");
        assertThat(missing.buildCommand()).isEqualTo("mvn -B -DskipTests package -pl functions -am");
    }
}
