package com.alphacast.cli.cloud;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM stop the stack through a shutdown hook, which also runs on any other JVM exit; a second
 * signal while it runs exits at once. The JDK alone would make that second Ctrl-C wait for the hook, and offers no
 * other way to see it than {@code sun.misc.Signal} (module jdk.unsupported, exported for exactly this).
 */
final class StopOnSignal {

    private StopOnSignal() {
    }

    static void install(CloudStack stack, PrintStream err) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            err.println("local cloud stopped");
        }, "alphacast-cloud-down"));
        AtomicBoolean stopping = new AtomicBoolean();
        SignalHandler handler = signal -> {
            int exitCode = 128 + signal.getNumber();
            if (stopping.compareAndSet(false, true)) {
                err.println("stopping the local cloud ... (Ctrl-C again to exit at once)");
                System.exit(exitCode);
            } else {
                err.println("exiting at once, without the clean-up: the in-memory data is gone either way, but the"
                        + " temporary directory may keep DynamoDB Local's extracted native library");
                Runtime.getRuntime().halt(exitCode);
            }
        };
        Signal.handle(new Signal("INT"), handler);
        Signal.handle(new Signal("TERM"), handler);
    }
}
