package com.alphacast.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.localcloud.junit.LocalCloudExtension;
import java.nio.file.Files;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LocalCloudExtensionTest {

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forTemplate(TestTemplates.runnerStack())
            .withoutFunctions()
            .parameter("DeliveryDelaySeconds", "4")
            .build();

    @Test
    void injectsTheRunningLocalCloudIntoTestParameters(LocalCloud injected) {
        assertThat(injected).isSameAs(CLOUD.get());
        assertThat(injected.stackName()).startsWith("t").contains("-LocalCloudEx");
    }

    @Test
    void appliesParameterOverridesToTheStack() {
        assertThat(CLOUD.get().plan().queues().get("DelayedQueue").attributes()).containsEntry("DelaySeconds", "4");
    }

    @Test
    void findsTheProjectRootFromTheSurefireProperty() {
        assertThat(LocalCloudExtension.projectRoot()).isDirectory();
        assertThat(Files.exists(LocalCloudExtension.projectRoot().resolve("pom.xml"))).isTrue();
        assertThat(LocalCloudExtension.projectTemplate().getFileName().toString()).isEqualTo("template.yaml");
    }

    @Nested
    class NestedTests {
        @Test
        void shareTheEnclosingClassStack(LocalCloud injected) {
            assertThat(injected).isSameAs(CLOUD.get());
        }
    }
}
