package com.alphacast.feeds.loopback;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Binance's REST depth endpoints on loopback ({@code /api/v3/depth}, {@code /fapi/v1/depth}, {@code /dapi/v1/depth}),
 * answering with the venue's current snapshot; tests can queue error statuses (429 with Retry-After, 500) first.
 */
public final class LoopbackDepthServer implements AutoCloseable {

    private final HttpServer server;
    private final Queue<Integer> failures = new ConcurrentLinkedQueue<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    public LoopbackDepthServer(Supplier<String> snapshot) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(exchange.getRequestURI().toString());
            Integer failure = failures.poll();
            byte[] body;
            int status;
            if (!path.endsWith("/depth")) {
                status = 404;
                body = "{\"code\":-1,\"msg\":\"not found\"}".getBytes(StandardCharsets.UTF_8);
            } else if (failure != null) {
                status = failure;
                body = ("{\"code\":-1003,\"msg\":\"status " + failure + "\"}").getBytes(StandardCharsets.UTF_8);
                if (failure == 429) {
                    exchange.getResponseHeaders().add("Retry-After", "0");
                }
            } else {
                status = 200;
                body = snapshot.get().getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public void failNext(int status) {
        failures.add(status);
    }

    public List<String> requests() {
        return requests;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
