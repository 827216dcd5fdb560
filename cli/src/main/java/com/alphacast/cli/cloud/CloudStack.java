package com.alphacast.cli.cloud;

import com.alphacast.localcloud.BackendSettings;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.LocalCloudOptions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;

/**
 * The project's template running on the local cloud until stopped: what {@code ./alphacast cloud up} keeps alive.
 * Stopping closes the local cloud (servers, pollers, handlers) and releases whoever waits for it.
 */
public final class CloudStack implements AutoCloseable {

    public static final String STACK_NAME = LocalCloudOptions.DEFAULT_STACK_NAME;

    private final LocalCloud cloud;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private CloudStack(LocalCloud cloud) {
        this.cloud = cloud;
    }

    /**
     * Starts DynamoDB and SQS on the options' ports, creates every table and queue of {@code home/template.yaml}
     * and starts every function on its queue, HTTP routes (served on the options' HTTP port) or schedules (on the
     * wall clock), with the profile's settings; {@code chatEnvironment} points the webhook functions at the local
     * chat platforms. With a data directory, DynamoDB's tables
     * and items of the last run are kept and only missing tables are created; queues always start empty.
     */
    public static CloudStack start(CloudUpOptions options, Map<String, String> chatEnvironment,
                                   BiConsumer<String, String> functionLog) {
        Map<String, String> environment = new HashMap<>(chatEnvironment);
        environment.put("ALPHACAST_PROFILE", options.profile());
        environment.put("ALPHACAST_CONFIG_DIR", options.home().resolve("config").toString());
        environment.put("ALPHACAST_HOME", options.home().toString());
        LocalCloud cloud = LocalCloud.start(LocalCloudOptions.forTemplate(options.home().resolve("template.yaml"))
                .stackName(STACK_NAME)
                .parameter("Profile", options.profile())
                .functionEnvironment(environment)
                .functionLog(functionLog)
                .schedulesFollowWallClock()
                .backends(new BackendSettings(options.dynamoDbPort(), options.sqsPort(), options.httpPort(),
                        options.dataDirectory()))
                .build());
        return new CloudStack(cloud);
    }

    public LocalCloud cloud() {
        return cloud;
    }

    /** Blocks until {@link #close()} has stopped everything. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** Stops every function and server; idempotent, safe from a shutdown hook. */
    @Override
    public synchronized void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        try {
            cloud.close();
        } finally {
            stopped.countDown();
        }
    }
}
