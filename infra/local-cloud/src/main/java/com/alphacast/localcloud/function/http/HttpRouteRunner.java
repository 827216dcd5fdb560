package com.alphacast.localcloud.function.http;

import com.alphacast.localcloud.function.EventSourceRunner;
import com.alphacast.localcloud.function.LocalFunction;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One HttpApi route of one function: registered with the gateway while running, it turns a matched request into a
 * payload 2.0 event, invokes the function and reads its result as API Gateway does. 500 when the function fails or
 * answers something unreadable, 504 when it overruns its Timeout or the route's integration timeout, 429 past the
 * route's throttling.
 */
final class HttpRouteRunner implements EventSourceRunner {

    private final HttpApiRoute route;
    private final LocalFunction function;
    private final HttpGateway gateway;
    private final Optional<ThrottleBucket> throttle;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong activity = new AtomicLong();
    private final ExecutorService waiting;

    HttpRouteRunner(HttpApiRoute route, LocalFunction function, HttpGateway gateway) {
        this.route = route;
        this.function = function;
        this.gateway = gateway;
        this.throttle = route.throttle().map(t -> new ThrottleBucket(t, System::nanoTime));
        this.waiting = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "http-" + route.functionLogicalId() + "-" + route.eventName());
            thread.setDaemon(true);
            return thread;
        });
    }

    HttpApiRoute route() {
        return route;
    }

    @Override
    public String description() {
        return route.functionLogicalId() + "/" + route.eventName() + " (HttpApi " + route.api().pathPrefix()
                + " " + route.pattern().routeKey() + ")";
    }

    @Override
    public void start() {
        gateway.register(this);
    }

    @Override
    public boolean isBusy() {
        return inFlight.get() > 0;
    }

    @Override
    public long activity() {
        return activity.get();
    }

    /** Answers one request this route matched. */
    GatewayResponse handle(GatewayRequest request, Map<String, String> pathParameters) {
        if (throttle.isPresent() && !throttle.get().tryTake()) {
            return GatewayResponse.message(429, "Too Many Requests");
        }
        inFlight.incrementAndGet();
        activity.incrementAndGet();
        try {
            String requestId = UUID.randomUUID().toString();
            byte[] event = HttpApiEvent.of(route, request, pathParameters, requestId, gateway.accountId(),
                    gateway.domainName());
            Future<LocalFunction.Invocation> call = waiting.submit(() -> function.invoke(event));
            LocalFunction.Invocation invocation;
            try {
                // A function whose Timeout comes first is cut off by its own invocation (and logged as timed out).
                invocation = route.integrationTimeoutMillis() < function.definition().timeoutSeconds() * 1000L
                        ? call.get(route.integrationTimeoutMillis(), TimeUnit.MILLISECONDS) : call.get();
            } catch (TimeoutException e) {
                // API Gateway stops waiting; the function runs on until its own Timeout, as in AWS.
                function.log("HttpApi " + route.pattern().routeKey() + ": integration timed out after "
                        + route.integrationTimeoutMillis() + " ms");
                return GatewayResponse.message(504, "Gateway Timeout");
            } catch (ExecutionException e) {
                function.log("HttpApi " + route.pattern().routeKey() + ": " + e.getCause());
                return GatewayResponse.message(500, "Internal Server Error");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return GatewayResponse.message(503, "Service Unavailable");
            }
            if (invocation.timedOut()) {
                return GatewayResponse.message(504, "Gateway Timeout");
            }
            if (invocation.failed()) {
                return GatewayResponse.message(500, "Internal Server Error");
            }
            try {
                return GatewayResponse.fromFunction(invocation.response());
            } catch (IllegalArgumentException e) {
                function.log("HttpApi " + route.pattern().routeKey() + ": malformed Lambda proxy response: "
                        + e.getMessage());
                return GatewayResponse.message(500, "Internal Server Error");
            }
        } finally {
            inFlight.decrementAndGet();
            activity.incrementAndGet();
        }
    }

    @Override
    public void close() {
        gateway.unregister(this);
        waiting.shutdownNow();
    }
}
