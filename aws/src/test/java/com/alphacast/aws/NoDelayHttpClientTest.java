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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

class NoDelayHttpClientTest {

    private static final String BODY = "{\"TableName\":\"SignalsTable\",\"Key\":{\"signalId\":{\"S\":\"volume-spike:ESU1\"}}}";
    private static final String ANSWER = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\"}";

    /** When the loopback server got each request's first bytes, and each whole request. */
    private final List<Long> firstBytesAt = new CopyOnWriteArrayList<>();
    private final List<String> firstReads = new CopyOnWriteArrayList<>();
    private final List<String> wholeRequests = new CopyOnWriteArrayList<>();
    private final List<Integer> connections = new CopyOnWriteArrayList<>();
    /** How the server answers: Content-Length, chunks, or Content-Length and then closing the connection. */
    private volatile String answering = "length";
    /** Released each time the server has closed a connection after answering ("then-hang-up"). */
    private final Semaphore hungUp = new Semaphore(0);
    private final SdkHttpClient client = new NoDelayHttpClient(Duration.ofSeconds(2), Duration.ofSeconds(5));
    private ServerSocket server;
    private Thread serving;

    @BeforeEach
    void startServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        serving = new Thread(this::serve, "no-delay-test-server");
        serving.setDaemon(true);
        serving.start();
    }

    @AfterEach
    void stopServer() throws Exception {
        client.close();
        server.close();
        serving.join(2000);
    }

    @Test
    void sendsTheRequestTheSdkSignedWithItsHostLengthHeadersAndBody() throws Exception {

        post(ContentStreamProvider.fromUtf8String(BODY));

        int length = BODY.getBytes(StandardCharsets.UTF_8).length;
        assertThat(wholeRequests).singleElement().satisfies(request -> {
            List<String> lines = request.lines().toList();
            assertThat(lines.get(0)).isEqualTo("POST /?Action=GetItem HTTP/1.1");
            assertThat(lowerCased(lines)).contains("content-length: " + length,
                    "host: 127.0.0.1:" + server.getLocalPort(), "x-amz-target: dynamodb_20120810.getitem",
                    "content-type: application/x-amz-json-1.0",
                    "authorization: aws4-hmac-sha256 credential=x/20110731/us-east-1/dynamodb/aws4_request");
            assertThat(request).endsWith("\r\n\r\n" + BODY);
        });
    }

    @Test
    void returnsTheStatusHeadersAndBodyTheServerAnswered() throws Exception {

        HttpExecuteResponse response = post(ContentStreamProvider.fromUtf8String(BODY));

        assertThat(response.httpResponse().statusCode()).isEqualTo(400);
        assertThat(response.httpResponse().firstMatchingHeader("x-amzn-RequestId")).contains("req-1");
        assertThat(new String(response.responseBody().orElseThrow().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo(ANSWER);
    }

    @Test
    void keepsTheConnectionForTheNextRequest() throws Exception {

        for (int i = 0; i < 5; i++) {
            answerTo(BODY);
        }

        assertThat(wholeRequests).hasSize(5);
        assertThat(connections).hasSize(1);
    }

    @Test
    void sendsNothingUntilTheWholeBodyIsInHandSoTheHeadersNeverGoOutAlone() throws Exception {
        AtomicLong bodyReadAt = new AtomicLong();

        post(slowBody(bodyReadAt));

        // A client that streams sends the headers first and the body once it has it (here 200 ms later): the gap in
        // which Nagle's algorithm would hold the body until the server acknowledged the headers.
        assertThat(firstBytesAt).singleElement().satisfies(at -> assertThat(at).isGreaterThan(bodyReadAt.get()));
        // Written in one go, a request this small reaches a loopback reader in one read, body included.
        assertThat(firstReads).singleElement().satisfies(read -> assertThat(read).endsWith("\r\n\r\n" + BODY));
    }

    @Test
    void readsAChunkedAnswerAndKeepsTheConnection() throws Exception {
        answering = "chunks";

        for (int i = 0; i < 3; i++) {
            assertThat(answerTo(BODY)).isEqualTo(ANSWER);
        }

        assertThat(connections).hasSize(1);
    }

    @Test
    void opensANewConnectionAfterAnAnswerThatClosedItsOwn() throws Exception {
        answering = "then-close";

        for (int i = 0; i < 3; i++) {
            assertThat(answerTo(BODY)).isEqualTo(ANSWER);
        }

        assertThat(wholeRequests).hasSize(3);
        assertThat(connections).hasSize(3);
    }

    @Test
    void aPooledConnectionTheServerHasSinceClosedIsLeftForANewOne() throws Exception {
        answering = "then-hang-up";

        for (int i = 0; i < 3; i++) {
            assertThat(answerTo(BODY)).isEqualTo(ANSWER);
            // Like an idle timeout: the server closes the kept-alive connection a little after answering.
            assertThat(hungUp.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
            pause(20); // for its FIN to reach the client's socket
        }

        assertThat(wholeRequests).hasSize(3);
        assertThat(connections).hasSize(3);
    }

    @Test
    void neverSendsARequestTwiceWhenTheServerClosesWithoutAnswering() throws Exception {
        answering = "silently";

        assertThatThrownBy(() -> post(ContentStreamProvider.fromUtf8String(BODY))).isInstanceOf(IOException.class);
        answerTo(BODY);
        assertThatThrownBy(() -> post(ContentStreamProvider.fromUtf8String(BODY))).isInstanceOf(IOException.class);

        // The first, silent, request on a new connection; the third on the pooled one the server then closed silently.
        assertThat(wholeRequests).hasSize(3);
    }

    @Test
    void refusesABodyThatDoesNotMatchItsSignedContentLength() {
        HttpExecuteRequest request = HttpExecuteRequest.builder()
                .request(request(server.getLocalPort(), ContentStreamProvider.fromUtf8String(BODY)).httpRequest()
                        .toBuilder().putHeader("Content-Length", "7").build())
                .contentStreamProvider(ContentStreamProvider.fromUtf8String(BODY))
                .build();

        assertThatThrownBy(() -> client.prepareRequest(request).call())
                .hasMessageContaining("Content-Length 7").hasMessageContaining("73-byte body");
        assertThat(wholeRequests).isEmpty();
    }

    @Test
    void aBodyClosedBeforeItsEndDoesNotLeaveItsRestForTheNextAnswer() throws Exception {

        try (InputStream body = post(ContentStreamProvider.fromUtf8String(BODY)).responseBody()
                .orElseThrow()) {
            assertThat(body.read(new byte[5])).isEqualTo(5);
        }
        assertThat(answerTo(BODY)).isEqualTo(ANSWER);

        assertThat(connections).hasSize(2);
    }

    @Test
    void anEndpointNobodyListensOnIsAnIoExceptionTheSdkRetries() throws Exception {
        int closedPort;
        try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = unused.getLocalPort();
        }

        assertThatThrownBy(() -> client.prepareRequest(request(closedPort, ContentStreamProvider.fromUtf8String(BODY)))
                .call()).isInstanceOf(IOException.class);
    }

    private static List<String> lowerCased(List<String> lines) {
        return lines.stream().map(line -> line.toLowerCase(Locale.ROOT)).toList();
    }

    /** Posts {@code body} and reads the whole answer, closing it. */
    private String answerTo(String body) throws IOException {
        try (InputStream answer = post(ContentStreamProvider.fromUtf8String(body)).responseBody().orElseThrow()) {
            return new String(answer.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private HttpExecuteResponse post(ContentStreamProvider body) throws IOException {
        return client.prepareRequest(request(server.getLocalPort(), body)).call();
    }

    private static HttpExecuteRequest request(int port, ContentStreamProvider body) {
        int length = BODY.getBytes(StandardCharsets.UTF_8).length;
        return HttpExecuteRequest.builder()
                .request(SdkHttpRequest.builder()
                        .uri(URI.create("http://127.0.0.1:" + port + "/"))
                        .putRawQueryParameter("Action", "GetItem")
                        .method(SdkHttpMethod.POST)
                        .putHeader("Host", "127.0.0.1:" + port)
                        .putHeader("Content-Type", "application/x-amz-json-1.0")
                        .putHeader("X-Amz-Target", "DynamoDB_20120810.GetItem")
                        .putHeader("Authorization",
                                "AWS4-HMAC-SHA256 Credential=x/20110731/us-east-1/dynamodb/aws4_request")
                        .putHeader("Content-Length", Integer.toString(length))
                        .build())
                .contentStreamProvider(body)
                .build();
    }

    /** The body, given only after a pause, noting when it was all read. */
    private static ContentStreamProvider slowBody(AtomicLong readAt) {
        return () -> new InputStream() {
            private final byte[] bytes = BODY.getBytes(StandardCharsets.UTF_8);
            private int position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (position == 0) {
                    pause(200);
                }
                if (position == bytes.length) {
                    return -1;
                }
                int count = Math.min(length, bytes.length - position);
                System.arraycopy(bytes, position, buffer, offset, count);
                position += count;
                if (position == bytes.length) {
                    readAt.compareAndSet(0, System.nanoTime());
                }
                return count;
            }
        };
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Answers each request on a kept-alive connection like DynamoDB refusing it, noting its first read and the whole. */
    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                connections.add(socket.getPort());
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                while (true) {
                    byte[] buffer = new byte[65536];
                    int read = in.read(buffer);
                    if (read < 0) {
                        break;
                    }
                    firstBytesAt.add(System.nanoTime());
                    ByteArrayOutputStream request = new ByteArrayOutputStream();
                    request.write(buffer, 0, read);
                    firstReads.add(request.toString(StandardCharsets.UTF_8));
                    while (!complete(request.toString(StandardCharsets.UTF_8))) {
                        int more = in.read(buffer);
                        if (more < 0) {
                            return;
                        }
                        request.write(buffer, 0, more);
                    }
                    wholeRequests.add(request.toString(StandardCharsets.UTF_8));
                    if (answering.equals("silently") && wholeRequests.size() % 2 == 1) {
                        break; // took the request, then closed the connection without a word
                    }
                    byte[] answer = ANSWER.getBytes(StandardCharsets.UTF_8);
                    String head = "HTTP/1.1 400 Bad Request\r\nx-amzn-RequestId: req-" + wholeRequests.size()
                            + "\r\nContent-Type: application/x-amz-json-1.0\r\n";
                    if (answering.equals("chunks")) {
                        int half = answer.length / 2;
                        out.write((head + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(half)
                                + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(answer, 0, half);
                        out.write(("\r\n" + Integer.toHexString(answer.length - half) + ";ext=1\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        out.write(answer, half, answer.length - half);
                        out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    } else {
                        String closing = answering.equals("then-close") ? "Connection: close\r\n" : "";
                        out.write((head + closing + "Content-Length: " + answer.length + "\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        out.write(answer);
                    }
                    out.flush();
                    if (answering.equals("then-hang-up")) {
                        pause(20);
                        socket.close();
                        hungUp.release();
                        break;
                    }
                    if (answering.equals("then-close")) {
                        break;
                    }
                }
            } catch (IOException closed) {
                // The test closed the server (or the client its connection): nothing more to answer.
            }
        }
    }

    private static boolean complete(String request) {
        int end = request.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        int length = request.substring(0, end).lines()
                .filter(line -> line.regionMatches(true, 0, "Content-Length:", 0, 15))
                .mapToInt(line -> Integer.parseInt(line.substring(15).strip())).findFirst().orElse(0);
        return request.getBytes(StandardCharsets.UTF_8).length >= end + 4 + length;
    }
}
