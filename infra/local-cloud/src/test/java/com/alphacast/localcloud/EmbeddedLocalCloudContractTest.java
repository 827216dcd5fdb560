package com.alphacast.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.localcloud.junit.LocalCloudExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract against the embedded servers, through the JUnit extension the project's tests use. */
class EmbeddedLocalCloudContractTest extends LocalCloudContract {

    @RegisterExtension
    static final LocalCloudExtension STORAGE = LocalCloudExtension.forTemplate(TestTemplates.runnerStack())
            .withoutFunctions()
            .build();

    @RegisterExtension
    static final LocalCloudExtension RUNNER = LocalCloudExtension.forTemplate(TestTemplates.runnerStack())
            .functionLog((function, line) -> { })
            .build();

    @Override
    protected LocalCloud storage() {
        return STORAGE.get();
    }

    @Override
    protected LocalCloud runner() {
        return RUNNER.get();
    }

    @Test
    void stacksOfOneJvmShareTheServersUnderDifferentNames() {
        assertThat(storage().dynamoDbEndpoint()).isEqualTo(runner().dynamoDbEndpoint());
        assertThat(storage().sqsEndpoint()).isEqualTo(runner().sqsEndpoint());
        assertThat(storage().stackName()).isNotEqualTo(runner().stackName());
        assertThat(storage().tableName("DeliveriesTable")).isNotEqualTo(runner().tableName("DeliveriesTable"));
    }
}
