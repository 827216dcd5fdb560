package com.alphacast.bench.coldstart;

import com.alphacast.bench.LambdaBenchContext;
import com.alphacast.bench.LambdaBenchEvent;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs in the measured JVM, next to one function jar: builds the handler as the Lambda runtime does (public
 * no-arg constructor, environment from the process) and invokes it once with a one-record SQS event.
 * Prints {@code result <failed records> <init ms> <invoke ms>} when the handler returned, then {@code cpu <ms>}. Uses only the JDK
 * and the Lambda interfaces, which every function jar carries, so it adds nothing to what is measured.
 *
 * <p>Arguments: handler class, file holding the message body, queue ARN.
 */
public final class ColdStartRunner {

    private ColdStartRunner() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: ColdStartRunner <handler class> <message body file> <queue ARN>");
        }
        String body = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
        long started = System.nanoTime();
        @SuppressWarnings("unchecked")
        RequestHandler<SQSEvent, SQSBatchResponse> handler = (RequestHandler<SQSEvent, SQSBatchResponse>)
                Class.forName(args[0]).getConstructor().newInstance();
        long built = System.nanoTime();
        SQSBatchResponse response = handler.handleRequest(event(body, args[2]), new LambdaBenchContext(args[0], "cold-start", System.err::print));
        long done = System.nanoTime();
        System.out.println("result " + response.getBatchItemFailures().size() + " " + (built - started) / 1_000_000
                + " " + (done - built) / 1_000_000);
        System.out.flush();
        // After the result, so reading it is not measured: CPU time of the whole JVM (all threads) up to here,
        // which unlike wall time does not depend on what else the machine is running.
        System.out.println("cpu " + ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L));
    }

    private static SQSEvent event(String body, String queueArn) {
        return LambdaBenchEvent.oneRecord("00000000-0000-4000-8000-000000000001", "cold-start", body, queueArn,
                Map.of("ApproximateReceiveCount", "1", "SentTimestamp", Long.toString(System.currentTimeMillis())));
    }
}
