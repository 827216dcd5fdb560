package com.alphacast.localcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** Fixed ports, as {@code ./alphacast cloud up --port-base N} asks for them, and their validation. */
@Isolated // it frees two ports before the servers bind them: a test running alongside could take one meanwhile
class BackendSettingsTest {

    @Test
    void startsTheServersOnTheRequestedPorts() throws IOException {
        int dynamoDbPort = freePort();
        int sqsPort = freePort();
        try (LocalCloud cloud = LocalCloud.start(LocalCloudOptions.forTemplate(TestTemplates.runnerStack())
                .stackName("fixed-ports").withoutFunctions()
                .backends(new BackendSettings(dynamoDbPort, sqsPort, Optional.empty())).build())) {
            assertThat(cloud.dynamoDbEndpoint().getPort()).isEqualTo(dynamoDbPort);
            assertThat(cloud.sqsEndpoint().getPort()).isEqualTo(sqsPort);
            assertThat(cloud.queueUrl("WorkQueue")).startsWith("http://127.0.0.1:" + sqsPort + "/");
            assertThat(cloud.dynamoDb().listTables().tableNames()).isNotEmpty();
        }
    }

    @Test
    void refusesPortsOutsideTheTcpRangeAndOneSharedPort() {
        assertThatThrownBy(() -> new BackendSettings(70_000, 0, Optional.empty()))
                .hasMessage("DynamoDB port must be within 0..65535 (0: any free port), got 70000");
        assertThatThrownBy(() -> new BackendSettings(0, -1, Optional.empty()))
                .hasMessage("SQS port must be within 0..65535 (0: any free port), got -1");
        assertThatThrownBy(() -> new BackendSettings(9000, 9000, Optional.empty()))
                .hasMessage("DynamoDB and SQS cannot share port 9000");
        assertThatThrownBy(() -> new BackendSettings(9000, 9001, 9001, Optional.empty()))
                .hasMessage("SQS and HTTP API cannot share port 9001");
        assertThatThrownBy(() -> new BackendSettings(9000, 9001, 65_536, Optional.empty()))
                .hasMessage("HTTP API port must be within 0..65535 (0: any free port), got 65536");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
