package com.alphacast.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/** A request that hangs is given up by the clients {@link AwsClients} builds after {@link RequestTimeouts}, and retried. */
class RequestTimeoutsTest {

    private static final Map<String, String> CREDENTIALS = Map.of("AWS_REGION", "us-east-1",
            "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test");
    /** Short enough to keep the tests quick, far below the SDK's 30 s default. */
    private static final RequestTimeouts QUICK = new RequestTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300));

    /** How many requests the server takes without ever answering before it answers the rest. */
    private volatile int unanswered;
    /** How long the server is silent before answering a request it answers. */
    private volatile Duration answerAfter = Duration.ZERO;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private ServerSocket server;
    private Thread accepting;

    @BeforeEach
    void startServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        accepting = new Thread(this::accept, "request-timeouts-test-server");
        accepting.setDaemon(true);
        accepting.start();
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
        accepting.join(2000);
    }

    /** A request of each client {@link AwsClients} gives the timeouts to, one that changes nothing. */
    enum Service {
        DYNAMODB(AwsClients::dynamoDb, client -> ((DynamoDbClient) client).getItem(get -> get.tableName("SignalsTable")
                .key(Map.of("signalId", AttributeValue.fromS("volume-spike:ESU1"))))),
        SQS(AwsClients::sqs, client -> ((SqsClient) client).getQueueUrl(get -> get.queueName("SignalsQueue.fifo"))),
        SSM(AwsClients::ssm, client -> ((SsmClient) client).getParameter(get -> get.name("/alphacast/telegram/token"))),
        SECRETS_MANAGER(AwsClients::secretsManager,
                client -> ((SecretsManagerClient) client).getSecretValue(get -> get.secretId("alphacast/discord")));

        private final Function<AwsClients, SdkClient> client;
        private final Consumer<SdkClient> request;

        Service(Function<AwsClients, SdkClient> client, Consumer<SdkClient> request) {
            this.client = client;
            this.request = request;
        }
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void abandonsAnAttemptThatHangsAndRetriesItOnANewConnection(Service service) {
        unanswered = 1;
        try (SdkClient client = service.client.apply(clients(QUICK))) {
            long start = System.nanoTime();

            service.request.accept(client);

            // The SDK's default read timeout is 30 s: only the one given ends the first attempt this soon (the bound
            // leaves room for the client's first request, which loads its classes, on a slow machine).
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
        assertThat(requests).hasValue(2);
        assertThat(connections).hasValue(2);
    }

    @Test
    void failsACallWhoseAttemptsAllHangOnceItsAttemptsAreUsedUp() {
        unanswered = Integer.MAX_VALUE;
        try (DynamoDbClient db = clients(QUICK).dynamoDb()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> Service.DYNAMODB.request.accept(db))
                    .isInstanceOf(SdkClientException.class)
                    .hasRootCauseInstanceOf(SocketTimeoutException.class);
            // In the SDK's default retry mode DynamoDB's client makes nine attempts (AWS_RETRY_MODE or a profile's
            // retry_mode would change that); each ended by the read timeout, 270 s without it.
            assertThat(requests).hasValue(9);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
        }
    }

    @Test
    void theStandardTimeoutsGiveUpOnASilentAttemptAfterTwoSeconds() {
        unanswered = 1;
        try (DynamoDbClient db = clients(RequestTimeouts.STANDARD).dynamoDb()) {
            long start = System.nanoTime();
            Service.DYNAMODB.request.accept(db);

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).isBetween(RequestTimeouts.STANDARD.read(), Duration.ofSeconds(15));
        }
        assertThat(requests).hasValue(2);
    }

    @Test
    void theModelsClientWaitsLongerThanTheRequestTimeoutsForAnAnswer() {
        answerAfter = Duration.ofMillis(2500);
        try (BedrockRuntimeClient model = clients(RequestTimeouts.STANDARD).bedrockRuntime()) {
            model.converse(converse -> converse.modelId("anthropic.claude-3-haiku-20240307-v1:0"));
        }
        // Not retried (the model's client has the SDK's retries off): the one attempt waited for the answer.
        assertThat(requests).hasValue(1);
    }

    @Test
    void refusesTimeoutsThatAreNotPositive() {
        assertThatThrownBy(() -> new RequestTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("connect timeout must be positive, was PT0S");
        assertThatThrownBy(() -> new RequestTimeouts(Duration.ofSeconds(1), Duration.ofMillis(-1)))
                .hasMessage("read timeout must be positive, was PT-0.001S");
    }

    private AwsClients clients(RequestTimeouts timeouts) {
        Map<String, String> environment = new HashMap<>(CREDENTIALS);
        environment.put("AWS_ENDPOINT_URL", "http://127.0.0.1:" + server.getLocalPort());
        return new AwsClients(environment, List.of(), timeouts);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                Thread connection = new Thread(() -> serve(socket), "request-timeouts-test-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Takes each request whole; holds the first {@link #unanswered} without a word, answers the rest as GetItem. */
    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                if (!readRequest(in)) {
                    return;
                }
                if (requests.incrementAndGet() <= unanswered) {
                    while (in.read() >= 0) {
                        // Hung: nothing is answered until the client gives up and closes the connection.
                    }
                    return;
                }
                Thread.sleep(answerAfter.toMillis());
                byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nx-amzn-RequestId: req-" + requests.get()
                        + "\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: " + answer.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(answer);
                out.flush();
            }
        } catch (IOException e) {
            // The client closed the connection: its attempt was abandoned.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads one request's head and its Content-Length body; false at the end of the stream. */
    private static boolean readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            head.write(b);
        }
        int length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return in.readNBytes(length).length == length;
    }
}
