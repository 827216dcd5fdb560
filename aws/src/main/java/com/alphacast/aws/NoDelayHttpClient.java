package com.alphacast.aws;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * The SDK's HTTP client for plain-HTTP endpoints (the local cloud's embedded DynamoDB and SQS, or LocalStack): blocking
 * HTTP/1.1 on kept-alive sockets with Nagle's algorithm off, each request written whole in one write.
 *
 * <p>Why not the url-connection client there: {@code HttpURLConnection} writes a request's headers, then its body as
 * a second small segment, and leaves Nagle's algorithm on, so the body waits for the server's delayed
 * acknowledgement of the headers. On loopback that wait was most of every call: 2.2 ms a call, 0.6 ms with this
 * client. The JDK's {@code java.net.http} client avoids the wait but costs more CPU than it saves on two cores. On AWS's
 * HTTPS endpoints the url-connection client stays: it starts fastest, which is what a Lambda cold start needs.
 *
 * <p>Nothing is ever sent twice here: a failure is the SDK's to retry (or not, for a client without retries). So a
 * pooled connection is looked at before it is reused, without waiting: one the server has closed (servers close idle
 * connections: the JDK's after 30 s, ElasticMQ's after 60 s) or that holds bytes nobody asked for is closed instead.
 */
public final class NoDelayHttpClient implements SdkHttpClient {

    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;
    /** Idle kept-alive connections per host and port. */
    private final Map<String, ConcurrentLinkedDeque<Connection>> idle = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public NoDelayHttpClient(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
        this.readTimeoutMillis = Math.toIntExact(readTimeout.toMillis());
    }

    /** For {@code httpClientBuilder}: the SDK's connect and read timeouts for the service, unless set on the builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new Exchange(request);
    }

    @Override
    public String clientName() {
        return "NoDelayHttp";
    }

    @Override
    public void close() {
        closed = true;
        closeIdle();
    }

    private void closeIdle() {
        idle.values().forEach(connections -> {
            for (Connection connection; (connection = connections.poll()) != null; ) {
                connection.close();
            }
        });
    }

    /** The most recently used idle connection to {@code origin} still fit for a request, closing those that are not. */
    private Connection pooled(String origin) throws IOException {
        ConcurrentLinkedDeque<Connection> connections = idle.computeIfAbsent(origin, key -> new ConcurrentLinkedDeque<>());
        for (Connection connection; (connection = connections.pollFirst()) != null; ) {
            if (connection.quiet()) {
                return connection;
            }
            connection.close();
        }
        return null;
    }

    private final class Exchange implements ExecutableHttpRequest {
        private final HttpExecuteRequest request;
        private volatile Connection inUse;
        private volatile boolean aborted;

        Exchange(HttpExecuteRequest request) {
            this.request = request;
        }

        @Override
        public HttpExecuteResponse call() throws IOException {
            SdkHttpRequest http = request.httpRequest();
            if (closed) {
                throw new IllegalStateException("NoDelayHttpClient is closed");
            }
            if (aborted) {
                throw new IOException("request aborted");
            }
            if (!"http".equalsIgnoreCase(http.protocol())) {
                throw new IOException("NoDelayHttpClient speaks plain HTTP only, not " + http.getUri());
            }
            byte[] message = message(http, body());
            String origin = http.host() + ":" + http.port();
            Connection pooled = pooled(origin);
            return exchange(pooled != null ? pooled : open(http.host(), http.port(), origin), message, http.method());
        }

        /** Closes the connection while this exchange holds it; once its response is read it may serve another. */
        @Override
        public void abort() {
            aborted = true;
            Connection connection = inUse;
            if (connection != null) {
                connection.closeIfHeldBy(this);
            }
        }

        private byte[] body() throws IOException {
            if (request.contentStreamProvider().isEmpty()) {
                return null;
            }
            try (InputStream content = request.contentStreamProvider().get().newStream()) {
                return content.readAllBytes();
            }
        }

        private HttpExecuteResponse exchange(Connection connection, byte[] message, SdkHttpMethod method)
                throws IOException {
            connection.hold(this);
            inUse = connection;
            if (aborted) {
                connection.close();
                throw new IOException("request aborted");
            }
            try {
                connection.out.write(message);
                connection.out.flush();
                return response(connection, method);
            } catch (Throwable e) {
                connection.close();
                throw e;
            }
        }

        private Connection open(String host, int port, String origin) throws IOException {
            SocketChannel channel = SocketChannel.open();
            try {
                Socket socket = channel.socket();
                socket.setTcpNoDelay(true);
                socket.setKeepAlive(true);
                socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
                socket.setSoTimeout(readTimeoutMillis);
                return new Connection(origin, channel);
            } catch (Throwable e) {
                channel.close();
                throw e;
            }
        }
    }

    /** The request line, the SDK's headers (with the Host and Content-Length it signed) and the body, as one array. */
    private static byte[] message(SdkHttpRequest http, byte[] body) {
        URI uri = http.getUri();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder head = new StringBuilder(512).append(http.method().name()).append(' ').append(path);
        if (uri.getRawQuery() != null) {
            head.append('?').append(uri.getRawQuery());
        }
        head.append(" HTTP/1.1\r\n");
        if (http.firstMatchingHeader("Host").isEmpty()) {
            head.append("Host: ").append(http.host()).append(':').append(http.port()).append("\r\n");
        }
        http.forEachHeader((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            // The whole body goes at once, so there is no 100-continue to wait for and no chunking.
            if (!lower.equals("expect") && !lower.equals("transfer-encoding") && !lower.equals("connection")) {
                values.forEach(value -> head.append(name).append(": ").append(value).append("\r\n"));
            }
        });
        Optional<String> declared = http.firstMatchingHeader("Content-Length");
        if (body != null && declared.isEmpty()) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        long sent = body == null ? 0 : body.length;
        if (declared.isPresent() && !declared.get().strip().equals(Long.toString(sent))) {
            // The server would read the difference as (part of) the next request on this connection.
            throw new IllegalArgumentException("Content-Length " + declared.get() + " of " + http.method() + " "
                    + http.getUri() + " does not match its " + sent + "-byte body");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (body == null || body.length == 0) {
            return headBytes;
        }
        byte[] message = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, message, 0, headBytes.length);
        System.arraycopy(body, 0, message, headBytes.length, body.length);
        return message;
    }

    private HttpExecuteResponse response(Connection connection, SdkHttpMethod method) throws IOException {
        SdkHttpFullResponse.Builder head;
        int status;
        String version;
        do {
            String statusLine = connection.line();
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP/1.x status line: '" + statusLine + "'");
            }
            version = parts[0];
            try {
                status = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IOException("not an HTTP status code in '" + statusLine + "'", e);
            }
            head = SdkHttpFullResponse.builder().statusCode(status);
            if (parts.length == 3) {
                head.statusText(parts[2]);
            }
            for (String line = connection.line(); !line.isEmpty(); line = connection.line()) {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new IOException("malformed response header line '" + line + "'");
                }
                head.appendHeader(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        } while (status >= 100 && status < 200);
        SdkHttpFullResponse response = head.build();
        boolean keepAlive = keepAlive(version, response);
        Optional<String> length = response.firstMatchingHeader("Content-Length");
        boolean chunked = response.firstMatchingHeader("Transfer-Encoding")
                .filter(value -> value.toLowerCase(Locale.ROOT).contains("chunked")).isPresent();
        InputStream body;
        if (method == SdkHttpMethod.HEAD || status == 204 || status == 304) {
            body = new Body(connection, 0, false, keepAlive);
        } else if (chunked) {
            body = new Body(connection, -1, true, keepAlive);
        } else if (length.isPresent()) {
            body = new Body(connection, parseLength(length.get()), false, keepAlive);
        } else {
            body = new Body(connection, -1, false, false);
        }
        return HttpExecuteResponse.builder().response(response).responseBody(AbortableInputStream.create(body))
                .build();
    }

    /** HTTP/1.1 keeps a connection unless told to close it; HTTP/1.0 only when told to keep it. */
    private static boolean keepAlive(String version, SdkHttpFullResponse response) {
        List<String> tokens = response.matchingHeaders("Connection").stream()
                .flatMap(value -> Arrays.stream(value.split(","))).map(token -> token.strip().toLowerCase(Locale.ROOT))
                .toList();
        if (tokens.contains("close")) {
            return false;
        }
        return version.equals("HTTP/1.1") || tokens.contains("keep-alive");
    }

    private static long parseLength(String value) throws IOException {
        try {
            long length = Long.parseLong(value.strip());
            if (length < 0) {
                throw new IOException("negative Content-Length " + value);
            }
            return length;
        } catch (NumberFormatException e) {
            throw new IOException("malformed Content-Length '" + value + "'", e);
        }
    }

    private void giveBack(Connection connection) {
        if (closed || !connection.release()) {
            connection.close();
            return;
        }
        idle.computeIfAbsent(connection.origin, key -> new ConcurrentLinkedDeque<>()).offerFirst(connection);
        if (closed) {
            // close() ran while this one was on its way back: it would not have seen it.
            closeIdle();
        }
    }

    /** A response body: Content-Length bytes, chunks, or (without either) everything until the server closes. */
    private final class Body extends InputStream {
        private final Connection connection;
        private final boolean chunked;
        private final boolean reusable;
        /** Bytes left in the body or the current chunk; -1 before the first chunk or for a body read to the end. */
        private long remaining;
        private boolean finished;
        private boolean released;

        Body(Connection connection, long length, boolean chunked, boolean reusable) throws IOException {
            this.connection = connection;
            this.chunked = chunked;
            this.reusable = reusable;
            this.remaining = length;
            if (length == 0 && !chunked) {
                finish();
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int read = read(one, 0, 1);
            return read < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return readBody(buffer, offset, length);
            } catch (IOException e) {
                // Part of a line or chunk may be consumed: the stream and its connection cannot be trusted any more.
                close();
                throw e;
            }
        }

        private int readBody(byte[] buffer, int offset, int length) throws IOException {
            if (finished || released) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            if (chunked && remaining <= 0) {
                if (remaining == 0 && !connection.line().isEmpty()) {
                    throw new IOException("chunk not followed by CRLF");
                }
                remaining = chunkSize(connection.line());
                if (remaining == 0) {
                    for (String trailer = connection.line(); !trailer.isEmpty(); trailer = connection.line()) {
                        // Trailers carry nothing the SDK reads here.
                    }
                    finish();
                    return -1;
                }
            }
            int wanted = remaining < 0 ? length : (int) Math.min(length, remaining);
            int read = connection.in.read(buffer, offset, wanted);
            if (read < 0) {
                if (remaining < 0 && !chunked) {
                    finish();
                    return -1;
                }
                throw new EOFException("connection closed " + remaining + " bytes before the end of the response");
            }
            if (remaining > 0) {
                remaining -= read;
                if (remaining == 0 && !chunked) {
                    finish();
                }
            }
            return read;
        }

        private long chunkSize(String line) throws IOException {
            int extension = line.indexOf(';');
            String size = (extension < 0 ? line : line.substring(0, extension)).strip();
            long bytes;
            try {
                bytes = size.isEmpty() || size.charAt(0) == '-' || size.charAt(0) == '+' ? -1 : Long.parseLong(size, 16);
            } catch (NumberFormatException e) {
                bytes = -1;
            }
            if (bytes < 0) {
                throw new IOException("malformed chunk size '" + line + "'");
            }
            return bytes;
        }

        private void finish() {
            finished = true;
            if (!released) {
                released = true;
                if (reusable) {
                    giveBack(connection);
                } else {
                    connection.close();
                }
            }
        }

        @Override
        public void close() {
            if (!released) {
                // Closed before its end: what is left on the wire would be read as the next response.
                released = true;
                connection.release();
                connection.close();
            }
        }
    }

    private static final class Connection {
        private final String origin;
        private final SocketChannel channel;
        private final Socket socket;
        private final BufferedInputStream in;
        private final OutputStream out;
        /** The exchange using it, which alone may abort it; none while it is idle. */
        private Object holder;

        Connection(String origin, SocketChannel channel) throws IOException {
            Socket socket = channel.socket();
            this.channel = channel;
            this.origin = origin;
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            this.out = socket.getOutputStream();
        }

        /** One header line, without its CRLF (a bare LF is accepted); the end of the stream is an error. */
        String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException(line.size() == 0 ? "connection closed before a response line"
                            : "connection closed in the middle of a response line");
                }
                if (line.size() > 64 * 1024) {
                    throw new IOException("response header line longer than 64 KiB");
                }
                line.write(b);
            }
            int length = line.size();
            byte[] bytes = line.toByteArray();
            if (length > 0 && bytes[length - 1] == '\r') {
                length--;
            }
            return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }

        synchronized void hold(Object exchange) {
            holder = exchange;
        }

        /** Ends the current exchange's hold; false if that exchange aborted it meanwhile. */
        synchronized boolean release() {
            holder = null;
            return !socket.isClosed();
        }

        synchronized void closeIfHeldBy(Object exchange) {
            if (holder == exchange) {
                close();
            }
        }

        /**
         * True when nothing has arrived since the last response: neither the server's close nor stray bytes. Looks
         * without waiting (one non-blocking read); an idle connection is only ever looked at by the one taking it.
         */
        boolean quiet() {
            if (socket.isClosed()) {
                return false;
            }
            try {
                if (in.available() > 0) {
                    return false;
                }
                synchronized (channel.blockingLock()) {
                    channel.configureBlocking(false);
                    try {
                        return channel.read(ByteBuffer.allocate(1)) == 0;
                    } finally {
                        channel.configureBlocking(true);
                    }
                }
            } catch (IOException e) {
                return false;
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing a socket that failed: nothing more to do with it.
            }
        }
    }

    /** Builds the client with the timeouts set on it, and the service's (or the SDK's global) defaults for the rest. */
    public static final class Builder implements SdkHttpClient.Builder<Builder> {
        private Duration connectTimeout;
        private Duration readTimeout;

        private Builder() {
        }

        /** Longest wait for a new connection. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** Longest silence while waiting for an answer's next bytes; the attempt then fails as an IOException. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public SdkHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
            AttributeMap options = serviceDefaults.merge(SdkHttpConfigurationOption.GLOBAL_HTTP_DEFAULTS);
            return new NoDelayHttpClient(
                    connectTimeout != null ? connectTimeout : options.get(SdkHttpConfigurationOption.CONNECTION_TIMEOUT),
                    readTimeout != null ? readTimeout : options.get(SdkHttpConfigurationOption.READ_TIMEOUT));
        }
    }
}
