package com.alphacast.localcloud;

import com.alphacast.localcloud.junit.LocalCloudExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The storage contract on the embedded servers, through the JUnit extension the project's tests use. */
class EmbeddedStorageContractTest extends LocalCloudStorageContract {

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forTemplate(TestTemplates.runnerStack())
            .withoutFunctions()
            .build();

    @Override
    protected LocalCloud storage() {
        return CLOUD.get();
    }
}
