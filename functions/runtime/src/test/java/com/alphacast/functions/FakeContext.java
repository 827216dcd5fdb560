package com.alphacast.functions;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;

/**
 * A Lambda {@link Context} for calling handlers directly (aws-lambda-java-tests ships none) that keeps every line the
 * function logged. Shared with the function modules through this module's test jar.
 */
public final class FakeContext implements Context {

    private final String functionName;
    private final IntSupplier remainingMillis;
    private final String requestId = UUID.randomUUID().toString();
    // Written by the invocation's thread, read by the test's (after a timeout too).
    private final List<String> log = new CopyOnWriteArrayList<>();

    public FakeContext(String functionName) {
        this(functionName, () -> 30_000);
    }

    /** A context whose invocation has {@code remainingMillis} left each time the function asks. */
    public FakeContext(String functionName, IntSupplier remainingMillis) {
        this.functionName = functionName;
        this.remainingMillis = remainingMillis;
    }

    /** The lines logged so far, in order. */
    public List<String> lines() {
        return List.copyOf(log);
    }

    /** Everything logged so far, as one string. */
    public String log() {
        return String.join("", log);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "test";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return remainingMillis.getAsInt();
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                log.add(message);
            }

            @Override
            public void log(byte[] message) {
                log.add(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
