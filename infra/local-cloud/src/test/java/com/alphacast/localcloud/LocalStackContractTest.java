package com.alphacast.localcloud;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same contracts against LocalStack (AWS API emulation of SQS and DynamoDB), with the local cloud's function
 * runner polling LocalStack's queues. Skipped where there is no Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalStackContractTest {

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
            .withServices("sqs", "dynamodb")
            // Queue URLs of the form <endpoint>/<account>/<name>, which is what template Refs resolve to.
            .withEnv("SQS_ENDPOINT_STRATEGY", "off");

    private LocalBackends backends;
    private LocalCloud storage;
    private LocalCloud runner;

    @BeforeAll
    void startStacks() {
        backends = LocalBackends.external(LOCALSTACK.getEndpoint(), LOCALSTACK.getEndpoint(), LOCALSTACK.getRegion());
        storage = LocalCloud.start(LocalCloudOptions.forTemplate(TestTemplates.runnerStack())
                .stackName("ls-storage").region(LOCALSTACK.getRegion()).withoutFunctions().build(), backends);
        runner = LocalCloud.start(LocalCloudOptions.forTemplate(TestTemplates.runnerStack())
                .stackName("ls-runner").region(LOCALSTACK.getRegion()).functionLog((f, l) -> { })
                .loadHandlersFrom(LocalStackContractTest.class.getClassLoader()).build(), backends);
    }

    @AfterAll
    void stopStacks() {
        if (runner != null) {
            runner.close();
        }
        if (storage != null) {
            storage.close();
        }
        if (backends != null) {
            backends.close();
        }
    }

    @Nested
    class Storage extends LocalCloudStorageContract {
        @Override
        protected LocalCloud storage() {
            return storage;
        }
    }

    @Nested
    class Functions extends LocalCloudFunctionContract {
        @Override
        protected LocalCloud runner() {
            return runner;
        }
    }
}
