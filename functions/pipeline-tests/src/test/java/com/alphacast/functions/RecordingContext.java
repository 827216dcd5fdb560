package com.alphacast.functions;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Lambda {@link Context} for calling a handler in-process that keeps every line the function logged. */
final class RecordingContext implements Context {

    private final String functionName;
    private final String requestId = UUID.randomUUID().toString();
    // Written by the invocation's thread, read by the test's after a timeout too.
    private final List<String> log = new CopyOnWriteArrayList<>();

    RecordingContext(String functionName) {
        this.functionName = functionName;
    }

    String log() {
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
        return "fuzz";
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
        return 30_000;
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
