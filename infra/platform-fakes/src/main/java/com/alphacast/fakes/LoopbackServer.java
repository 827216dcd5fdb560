package com.alphacast.fakes;

import com.alphacast.fakes.multipart.MultipartForm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A platform fake: an HTTP server on the loopback interface that records every request, checks it
 * against the platform's spec, may inject a planned fault, and otherwise answers like the platform.
 */
public abstract class LoopbackServer implements AutoCloseable {

    /** What to answer. {@code body} null means no body (204). */
    public record Response(int status, Map<String, String> headers, String body) {
        public static Response json(int status, String body) {
            return new Response(status, Map.of(), body);
        }
    }

    protected final ObjectMapper json = new ObjectMapper();
    protected final Clock clock;
    private final HttpServer server;
    private final ExecutorService executor;
    private final FaultPlan faults = new FaultPlan();
    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong throttledByLimits = new AtomicLong();

    protected LoopbackServer(Clock clock) {
        this.clock = clock;
        // Without TCP_NODELAY, headers and body go out as two small segments and delayed ACKs add ~40 ms per
        // request. The JDK server reads this property once, when its first instance starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a loopback port", e);
        }
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, getClass().getSimpleName() + "-worker");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>} */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public FaultPlan faults() {
        return faults;
    }

    /** Every request received so far, in arrival order. */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Requests that broke the spec. Tests assert this is empty. */
    public List<RecordedRequest> invalidRequests() {
        return requests().stream().filter(request -> !request.valid()).toList();
    }

    /** 429s answered because one of the platform's own limits was exceeded (not injected faults). */
    public long throttledByLimits() {
        return throttledByLimits.get();
    }

    /** Call when answering a 429 because a limit (not a planned fault) was exceeded. */
    protected final void countThrottledByLimit() {
        throttledByLimits.incrementAndGet();
    }

    public void clearRecords() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Spec violations of a request; empty when it conforms. Called before faults are considered. */
    protected abstract List<String> validate(RecordedRequest request);

    /** The platform's answer to a request that broke the spec. */
    protected abstract Response invalid(RecordedRequest request, List<String> violations);

    /** The platform's answer to a valid request (executing it: creating the message, ...). */
    protected abstract Response serve(RecordedRequest request);

    /** The platform's shape of an injected fault (never {@link Fault.Kind#TIMEOUT} or {@link Fault.Kind#LOST_RESPONSE}). */
    protected abstract Response fault(Fault fault, RecordedRequest request);

    private void exchange(HttpExchange exchange) throws IOException {
        RecordedRequest request = read(exchange);
        List<String> violations;
        Response response;
        String faultName = "";
        try {
            violations = validate(request);
            if (!violations.isEmpty()) {
                response = invalid(request, violations);
            } else {
                Optional<Fault> fault = faults.decide(request);
                if (fault.isPresent() && fault.get().kind() == Fault.Kind.LOST_RESPONSE) {
                    Response lost = serve(request);
                    requests.add(request.answered(violations, lost.status(), Fault.Kind.LOST_RESPONSE.name()));
                    sleep(fault.get());
                    exchange.close(); // the work is done, but the client never hears about it
                    return;
                }
                if (fault.isPresent() && fault.get().kind() == Fault.Kind.TIMEOUT) {
                    requests.add(request.answered(violations, 0, Fault.Kind.TIMEOUT.name()));
                    sleep(fault.get());
                    exchange.close(); // no response at all: the client's read times out or sees the connection end
                    return;
                }
                if (fault.isPresent()) {
                    faultName = fault.get().kind().name();
                    response = fault(fault.get(), request);
                } else {
                    response = serve(request);
                }
            }
        } catch (RuntimeException e) {
            violations = List.of();
            response = Response.json(500, "{\"error\":\"fake failed: " + e.toString().replace("\"", "'") + "\"}");
        }
        requests.add(request.answered(violations, response.status(), faultName));
        respond(exchange, response);
    }

    private static void sleep(Fault fault) {
        try {
            Thread.sleep(fault.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void respond(HttpExchange exchange, Response response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (response.body() == null) {
            exchange.sendResponseHeaders(response.status(), -1);
            exchange.close();
            return;
        }
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private RecordedRequest read(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        String body = new String(raw, StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        URI uri = exchange.getRequestURI();
        Map<String, String> query = decodeForm(uri.getRawQuery());
        String contentType = headers.getOrDefault("content-type", "").toLowerCase(Locale.ROOT);
        JsonNode parsed = null;
        Optional<MultipartForm> form = Optional.empty();
        String bodyProblem = "";
        if (MultipartForm.isMultipart(contentType)) {
            try {
                MultipartForm parts = MultipartForm.parse(headers.get("content-type"), raw);
                form = Optional.of(parts);
                ObjectNode fields = json.createObjectNode();
                parts.parts().forEach(part -> fields.put(part.name(), part.isFile() ? "attach://" + part.filename() : part.text()));
                parsed = fields;
            } catch (MultipartForm.MalformedMultipartException e) {
                bodyProblem = "malformed multipart/form-data: " + e.getMessage();
            }
        } else if (!body.isEmpty()) {
            if (contentType.startsWith("application/x-www-form-urlencoded")) {
                ObjectNode fields = json.createObjectNode();
                decodeForm(body).forEach(fields::put);
                parsed = fields;
            } else {
                try {
                    parsed = json.readTree(body);
                } catch (IOException e) {
                    parsed = null;
                }
            }
        }
        return new RecordedRequest(exchange.getRequestMethod(), uri.getRawPath(), query, headers, body, parsed, form, bodyProblem, List.of(),
                0, "", clock.instant());
    }

    protected static Map<String, String> decodeForm(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            values.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }

    protected String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
