package com.alphacast.feeds.loopback;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A keyed venue's REST API on loopback: answers each request with the body the test's function gives for its target
 * (path and query), or 503 when it gives none, and records every request with its headers.
 */
public final class LoopbackQuoteServer implements AutoCloseable {

    /** One request: its target (path and query) and headers (names lower-case). */
    public record Request(String target, Map<String, List<String>> headers) {
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public LoopbackQuoteServer(Function<String, String> bodies) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String target = exchange.getRequestURI().toString();
            Map<String, List<String>> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT),
                    List.copyOf(v)));
            requests.add(new Request(target, headers));
            String body = bodies.apply(target);
            int status = body == null ? 503 : 200;
            byte[] bytes = (body == null ? "{\"message\":\"unavailable\"}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    /** A server that answers every request with 503: the stream alone must do. */
    public static LoopbackQuoteServer unavailable() throws IOException {
        return new LoopbackQuoteServer(target -> null);
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
