package com.alphacast.localcloud;

import com.alphacast.localcloud.junit.LocalCloudExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The function contract on the embedded servers, through the JUnit extension the project's tests use. */
class EmbeddedFunctionContractTest extends LocalCloudFunctionContract {

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forTemplate(TestTemplates.runnerStack())
            .functionLog((function, line) -> { })
            .loadHandlersFrom(EmbeddedFunctionContractTest.class.getClassLoader())
            .build();

    @Override
    protected LocalCloud runner() {
        return CLOUD.get();
    }
}
