package com.alphacast.localcloud.packaged;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A handler packaged on its own (only aws-lambda-java-core, -events and joda-time beside it, as in a deployment
 * package): for every record it writes what it received, typed, into {@code ECHO_DIR/<messageId>-<receive>.properties}
 * together with the class loaders it saw; records whose body is {@code fail} are reported in batchItemFailures.
 * Deliberately free of the AWS SDK and Jackson, so the package proves nothing leaks in from the local cloud.
 */
public final class EventEchoHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final Path echoDirectory;

    public EventEchoHandler(Map<String, String> environment) {
        this.echoDirectory = Path.of(environment.get("ECHO_DIR"));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            Properties echo = new Properties();
            echo.setProperty("body", message.getBody());
            echo.setProperty("eventSource", message.getEventSource());
            echo.setProperty("eventSourceArn", message.getEventSourceArn());
            echo.setProperty("awsRegion", message.getAwsRegion());
            echo.setProperty("md5OfBody", message.getMd5OfBody());
            echo.setProperty("receiveCount", message.getAttributes().get("ApproximateReceiveCount"));
            message.getMessageAttributes().forEach((name, attribute) -> {
                echo.setProperty("attribute." + name + ".dataType", attribute.getDataType());
                if (attribute.getStringValue() != null) {
                    echo.setProperty("attribute." + name + ".stringValue", attribute.getStringValue());
                }
                if (attribute.getBinaryValue() != null) {
                    echo.setProperty("attribute." + name + ".binaryValue", base64(attribute.getBinaryValue()));
                }
            });
            echo.setProperty("loader.handler", getClass().getClassLoader().getName());
            echo.setProperty("loader.event", SQSEvent.class.getClassLoader().getName());
            echo.setProperty("loader.context", Context.class.getClassLoader().getName());
            echo.setProperty("loader.thread", Thread.currentThread().getContextClassLoader().getName());
            echo.setProperty("context.functionName", context.getFunctionName());
            echo.setProperty("context.remainingMillis", Integer.toString(context.getRemainingTimeInMillis()));
            write(echo, message.getMessageId() + "-" + echo.getProperty("receiveCount"));
            context.getLogger().log("echoed " + message.getMessageId() + "\n");
            if (message.getBody().equals("fail")) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    private void write(Properties echo, String name) {
        try (OutputStream out = Files.newOutputStream(echoDirectory.resolve(name + ".properties"))) {
            echo.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String base64(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
