package com.alphacast.localcloud.function.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The stack's HTTP APIs on one loopback port: every running HttpApi route registers here; a request goes to the most
 * specific matching route (API Gateway's precedence), else 404 {@code {"message":"Not Found"}}; a body above API
 * Gateway's 10 MB payload limit is answered 413 before any function sees it.
 */
public final class HttpGateway implements AutoCloseable {

    /** API Gateway's largest request payload. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    /** Past this, an oversized body is no longer drained and the connection is simply closed. */
    private static final long MAX_DISCARD_BYTES = 4L * MAX_BODY_BYTES;
    private static final java.util.Set<String> FRAMING_HEADERS = java.util.Set.of("content-length",
            "transfer-encoding", "connection");

    private final HttpServer server;
    private final ExecutorService workers;
    private final String accountId;
    private final Clock clock;
    private final List<HttpRouteRunner> routes = new CopyOnWriteArrayList<>();

    private HttpGateway(HttpServer server, ExecutorService workers, String accountId, Clock clock) {
        this.server = server;
        this.workers = workers;
        this.accountId = accountId;
        this.clock = clock;
    }

    /**
     * Listens on the loopback {@code port} (0: any free port).
     *
     * @throws UncheckedIOException when the port cannot be bound (e.g. in use), naming it
     */
    public static HttpGateway start(int port, String accountId, Clock clock) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for HTTP APIs on loopback port " + port + ": " + e.getMessage(), e);
        }
        ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "http-api-gateway");
            thread.setDaemon(true);
            return thread;
        });
        HttpGateway gateway = new HttpGateway(server, workers, accountId, clock);
        server.createContext("/", gateway::serve);
        server.setExecutor(workers);
        server.start();
        return gateway;
    }

    /** {@code http://127.0.0.1:<port>}: a route's URL is this plus the stage prefix and the path. */
    public URI endpoint() {
        return URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                + server.getAddress().getPort());
    }

    String accountId() {
        return accountId;
    }

    String domainName() {
        return endpoint().getAuthority();
    }

    void register(HttpRouteRunner route) {
        routes.add(route);
    }

    void unregister(HttpRouteRunner route) {
        routes.remove(route);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            GatewayResponse response;
            try {
                response = answer(exchange);
            } catch (RuntimeException e) {
                response = GatewayResponse.message(500, "Internal Server Error");
            }
            // Framing is the gateway's business (as in API Gateway): a function's content-length cannot break it.
            response.headers().stream().filter(h -> !FRAMING_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT)))
                    .forEach(h -> exchange.getResponseHeaders().add(h.getKey(), h.getValue()));
            exchange.getResponseHeaders().set("apigw-requestid", java.util.UUID.randomUUID().toString());
            boolean noBody = exchange.getRequestMethod().equals("HEAD") || response.status() == 204
                    || response.status() == 304 || response.body().length == 0;
            exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        }
    }

    private GatewayResponse answer(HttpExchange exchange) throws IOException {
        Optional<byte[]> body = read(exchange.getRequestBody());
        if (body.isEmpty()) {
            return GatewayResponse.message(413, "Request Entity Too Large");
        }
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        URI uri = exchange.getRequestURI();
        String rawPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).addAll(values));
        GatewayRequest request = new GatewayRequest(method, rawPath, uri.getRawQuery() == null ? "" : uri.getRawQuery(),
                exchange.getProtocol(), exchange.getRemoteAddress().getAddress().getHostAddress(), headers, body.get(),
                clock.instant());

        HttpRouteRunner best = null;
        Map<String, String> bestParameters = Map.of();
        for (HttpRouteRunner route : routes) {
            Optional<String> path = withinStage(route.route().api().pathPrefix(), rawPath);
            if (path.isEmpty()) {
                continue;
            }
            Optional<Map<String, String>> parameters = route.route().pattern().match(method, path.get());
            if (parameters.isPresent() && (best == null
                    || RoutePattern.PRECEDENCE.compare(route.route().pattern(), best.route().pattern()) < 0)) {
                best = route;
                bestParameters = parameters.get();
            }
        }
        return best == null ? GatewayResponse.notFound() : best.handle(request, bestParameters);
    }

    /** The path inside a stage: all of it for {@code $default}, else what follows {@code /<stage>}. */
    private static Optional<String> withinStage(String prefix, String rawPath) {
        if (prefix.isEmpty()) {
            return Optional.of(rawPath);
        }
        if (rawPath.equals(prefix)) {
            return Optional.of("/");
        }
        return rawPath.startsWith(prefix + "/") ? Optional.of(rawPath.substring(prefix.length())) : Optional.empty();
    }

    /** The body, or empty when it exceeds the limit (then drained, bounded, so the 413 is not lost to a reset). */
    private static Optional<byte[]> read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > MAX_BODY_BYTES) {
                for (int m; total < MAX_DISCARD_BYTES && (m = in.read(buffer)) > 0; ) {
                    total += m;
                }
                return Optional.empty();
            }
            out.write(buffer, 0, n);
        }
        return Optional.of(out.toByteArray());
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

}
