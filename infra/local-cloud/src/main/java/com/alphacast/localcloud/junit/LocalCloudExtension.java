package com.alphacast.localcloud.junit;

import com.alphacast.localcloud.LocalBackends;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.LocalCloudOptions;
import com.alphacast.localcloud.function.EventSourceType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The local cloud as a JUnit 5 fixture. One embedded DynamoDB and one ElasticMQ are started per JVM (kept in the root
 * extension store, stopped when the test run ends); each test class gets its own stack on them, with a unique
 * stack-name prefix, created before its first test and deleted after its last.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LocalCloudExtension cloud = LocalCloudExtension.forTemplate(LocalCloudExtension.projectTemplate())
 *         .functionEnvironment("OUTBOX_DIR", tmp.toString())
 *         .build();
 *
 * @Test
 * void approvesSignal() {
 *     cloud.get().sqs().sendMessage(b -> b.queueUrl(cloud.get().queueUrl("SignalsQueue")).messageBody(json)
 *             .messageGroupId("signals").messageDeduplicationId(signalId));
 *     cloud.get().awaitIdle(Duration.ofSeconds(20));
 * }
 * }</pre>
 *
 * Registered on a static field it starts in {@code beforeAll}; on an instance field, around each test. Test methods
 * may also declare a {@link LocalCloud} parameter.
 */
public final class LocalCloudExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    /** System property surefire sets to the reactor root (where template.yaml lives). */
    public static final String PROJECT_ROOT_PROPERTY = "alphacast.project.root";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalCloudExtension.class);

    private final LocalCloudOptions options;
    private LocalCloud cloud;
    private int depth;
    private boolean perTest;

    private LocalCloudExtension(LocalCloudOptions options) {
        this.options = options;
    }

    public static Builder forTemplate(Path template) {
        return new Builder(template);
    }

    /** The project's own {@code template.yaml}. */
    public static Builder forProjectTemplate() {
        return forTemplate(projectTemplate());
    }

    /** Root of the Maven reactor: {@value #PROJECT_ROOT_PROPERTY}, else the nearest directory with template.yaml. */
    public static Path projectRoot() {
        String property = System.getProperty(PROJECT_ROOT_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("template.yaml")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the project root: set -D" + PROJECT_ROOT_PROPERTY
                + " (surefire does) or run from inside the project");
    }

    public static Path projectTemplate() {
        return projectRoot().resolve("template.yaml");
    }

    /** The running local cloud of the current test class. */
    public LocalCloud get() {
        if (cloud == null) {
            throw new IllegalStateException("the local cloud is not running: is the extension registered with"
                    + " @RegisterExtension and is this called from a test?");
        }
        return cloud;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (cloud != null) {
            depth++; // a @Nested class shares the enclosing class's stack
            return;
        }
        cloud = startStack(context);
        depth = 1;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cloud != null && !perTest && --depth == 0) {
            closeCloud();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (cloud == null) {
            perTest = true;
            cloud = startStack(context);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            closeCloud();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalCloud.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return get();
    }

    private LocalCloud startStack(ExtensionContext context) {
        SharedBackends shared = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
                "backends:" + options.region(), key -> new SharedBackends(LocalBackends.start(options.region())),
                SharedBackends.class);
        String testName = context.getRequiredTestClass().getSimpleName().replaceAll("[^A-Za-z0-9]", "");
        String stackName = "t" + shared.nextStackNumber() + "-" + testName.substring(0, Math.min(12, testName.length()));
        return LocalCloud.start(options.toBuilder().stackName(stackName).build(), shared.backends());
    }

    private void closeCloud() {
        LocalCloud closing = cloud;
        cloud = null;
        depth = 0;
        closing.close();
    }

    /** The per-JVM servers; JUnit closes them when the root context (the whole test run) ends. */
    @SuppressWarnings("deprecation")
    static final class SharedBackends implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final LocalBackends backends;
        private final AtomicInteger stacks = new AtomicInteger();

        SharedBackends(LocalBackends backends) {
            this.backends = backends;
        }

        LocalBackends backends() {
            return backends;
        }

        int nextStackNumber() {
            return stacks.incrementAndGet();
        }

        @Override
        public void close() {
            backends.close();
        }
    }

    /** Options for the stacks this extension creates (the stack name is chosen per test class). */
    public static final class Builder {
        private final LocalCloudOptions.Builder options;

        private Builder(Path template) {
            this.options = LocalCloudOptions.forTemplate(template);
        }

        public Builder parameter(String name, String value) {
            options.parameter(name, value);
            return this;
        }

        public Builder functionEnvironment(String name, String value) {
            options.functionEnvironment(name, value);
            return this;
        }

        public Builder withoutFunctions() {
            options.withoutFunctions();
            return this;
        }

        public Builder onlyFunctions(String... logicalIds) {
            options.onlyFunctions(logicalIds);
            return this;
        }

        /** See {@link LocalCloudOptions#allowVisibilityTimeoutBelowFunctionTimeout()}. */
        public Builder allowVisibilityTimeoutBelowFunctionTimeout() {
            options.allowVisibilityTimeoutBelowFunctionTimeout();
            return this;
        }

        public Builder region(String region) {
            options.region(region);
            return this;
        }

        public Builder eventSourceType(EventSourceType type) {
            options.eventSourceType(type);
            return this;
        }

        public Builder functionLog(BiConsumer<String, String> log) {
            options.functionLog(log);
            return this;
        }

        /** Test handlers on the test classpath instead of CodeUri packages: see {@link LocalCloudOptions.Builder#loadHandlersFrom}. */
        public Builder loadHandlersFrom(ClassLoader loader) {
            options.loadHandlersFrom(loader);
            return this;
        }

        public LocalCloudExtension build() {
            return new LocalCloudExtension(options.build());
        }
    }
}
