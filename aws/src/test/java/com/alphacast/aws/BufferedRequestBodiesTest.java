package com.alphacast.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

class BufferedRequestBodiesTest {

    private static final String BODY = "{\"TableName\":\"SignalsTable\",\"Key\":{\"signalId\":{\"S\":\"volume-spike:ESU1\"}}}";

    /** When the loopback server got each request's first bytes, and each whole request. */
    private final List<Long> firstBytesAt = new CopyOnWriteArrayList<>();
    private final List<String> wholeRequests = new CopyOnWriteArrayList<>();
    private ServerSocket server;
    private Thread serving;

    @BeforeEach
    void startServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        serving = new Thread(this::serve, "one-write-test-server");
        serving.setDaemon(true);
        serving.start();
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
        serving.join(2000);
    }

    @Test
    void sendsNothingUntilTheWholeBodyIsInHandSoTheHeadersCannotGoOutAlone() throws Exception {
        AtomicLong bodyReadAt = new AtomicLong();
        try (SdkHttpClient client = new BufferedRequestBodies(UrlConnectionHttpClient.create())) {
            post(client, slowBody(bodyReadAt));
        }

        // Streaming sends the headers first and the body when the SDK has copied it (here 200 ms later): that gap
        // is where Nagle's algorithm holds the body segment until the server acknowledges the headers.
        assertThat(firstBytesAt).singleElement().satisfies(at -> assertThat(at).isGreaterThan(bodyReadAt.get()));
        assertThat(wholeRequests).singleElement().satisfies(request -> assertThat(request).endsWith(BODY));
    }

    @Test
    void theServerReadsTheContentLengthTheRequestWasSignedWith() throws Exception {
        try (SdkHttpClient client = new BufferedRequestBodies(UrlConnectionHttpClient.create())) {
            post(client, ContentStreamProvider.fromUtf8String(BODY));
        }

        int length = BODY.getBytes(StandardCharsets.UTF_8).length;
        assertThat(wholeRequests).singleElement().satisfies(request -> {
            assertThat(request.lines()).containsOnlyOnce("Content-Length: " + length);
            assertThat(request).endsWith("\r\n\r\n" + BODY);
        });
    }

    @Test
    void aBodyAboveTheHeldLimitStillStreamsWithItsLength() {
        HttpExecuteRequest large = request(BufferedRequestBodies.MAX_HELD_BYTES + 1);

        assertThat(BufferedRequestBodies.held(large)).isSameAs(large);
        assertThat(BufferedRequestBodies.held(request(BufferedRequestBodies.MAX_HELD_BYTES)).httpRequest()
                .firstMatchingHeader("Content-Length")).isEmpty();
    }

    @Test
    void aRequestWithoutABodyIsLeftAsItIs() {
        HttpExecuteRequest get = HttpExecuteRequest.builder().request(SdkHttpRequest.builder()
                .uri(URI.create("http://127.0.0.1:1/")).method(SdkHttpMethod.GET).build()).build();

        assertThat(BufferedRequestBodies.held(get)).isSameAs(get);
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

    private HttpExecuteResponse post(SdkHttpClient client, ContentStreamProvider body) throws IOException {
        int length = BODY.getBytes(StandardCharsets.UTF_8).length;
        HttpExecuteRequest request = HttpExecuteRequest.builder()
                .request(SdkHttpRequest.builder()
                        .uri(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/"))
                        .method(SdkHttpMethod.POST)
                        .putHeader("Content-Type", "application/x-amz-json-1.0")
                        .putHeader("Content-Length", Integer.toString(length))
                        .build())
                .contentStreamProvider(body)
                .build();
        HttpExecuteResponse response = client.prepareRequest(request).call();
        response.responseBody().ifPresent(stream -> {
            try (stream) {
                stream.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return response;
    }

    private static HttpExecuteRequest request(long contentLength) {
        return HttpExecuteRequest.builder()
                .request(SdkHttpRequest.builder().uri(URI.create("http://127.0.0.1:1/")).method(SdkHttpMethod.POST)
                        .putHeader("Content-Length", Long.toString(contentLength)).build())
                .contentStreamProvider(ContentStreamProvider.fromUtf8String("x"))
                .build();
    }

    /** Answers every request on a kept-alive connection with an empty 200, noting its first read and the whole. */
    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
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
                    while (!complete(request.toString(StandardCharsets.UTF_8))) {
                        int more = in.read(buffer);
                        if (more < 0) {
                            return;
                        }
                        request.write(buffer, 0, more);
                    }
                    wholeRequests.add(request.toString(StandardCharsets.UTF_8));
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
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
        List<String> lengths = new ArrayList<>();
        request.substring(0, end).lines().filter(line -> line.regionMatches(true, 0, "Content-Length:", 0, 15))
                .forEach(line -> lengths.add(line.substring(15).strip()));
        int length = lengths.isEmpty() ? 0 : Integer.parseInt(lengths.get(0));
        return request.getBytes(StandardCharsets.UTF_8).length >= end + 4 + length;
    }
}
