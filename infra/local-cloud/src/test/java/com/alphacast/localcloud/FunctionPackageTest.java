package com.alphacast.localcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.localcloud.function.FunctionPackageMissingException;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import com.alphacast.localcloud.packaged.EventEchoHandler;
import com.alphacast.localcloud.template.TemplateRefusedException;
import com.alphacast.localcloud.testing.FunctionPackages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Functions run from their deployment package (CodeUri), each in a class loader of its own whose parent is the
 * platform class loader: the handler sees its package and the JDK, never the local cloud's or the test's classes, and
 * typed events, the Context and batchItemFailures cross that boundary as Lambda's JSON.
 */
class FunctionPackageTest {

    private static final CopyOnWriteArrayList<String> FUNCTION_LOG = new CopyOnWriteArrayList<>();

    /** Only to share its servers: the stacks under test are started on them per test. */
    @RegisterExtension
    static final LocalCloudExtension SERVERS = LocalCloudExtension.forTemplate(TestTemplates.runnerStack())
            .withoutFunctions()
            .build();

    @Test
    void runsAnExplodedPackageInItsOwnClassLoaderAndHonoursItsTypedBatchResponse(@TempDir Path dir) throws Exception {
        FunctionPackages.exploded(dir.resolve("echo-function"), EventEchoHandler.class);
        Path echoes = Files.createDirectory(dir.resolve("echoes"));
        byte[] binary = {0, 1, 2, (byte) 0xfe, (byte) 0xff};

        try (LocalCloud cloud = start(template(dir, "echo-function"), "exploded", echoes)) {
            String queue = cloud.queueUrl("EchoQueue");
            String ok = cloud.sqs().sendMessage(b -> b.queueUrl(queue).messageBody("{\"ok\":true}").messageAttributes(Map.of(
                    "tier", MessageAttributeValue.builder().dataType("String").stringValue("premium").build(),
                    "size", MessageAttributeValue.builder().dataType("Number").stringValue("2.5").build(),
                    "digest", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromByteArray(binary))
                            .build()))).messageId();
            String failing = cloud.sqs().sendMessage(b -> b.queueUrl(queue).messageBody("fail")).messageId();
            cloud.awaitIdle(Duration.ofSeconds(30));

            Properties echo = echo(echoes, ok + "-1");
            assertThat(echo.getProperty("body")).isEqualTo("{\"ok\":true}");
            assertThat(echo.getProperty("eventSource")).isEqualTo("aws:sqs");
            assertThat(echo.getProperty("eventSourceArn")).isEqualTo(cloud.queueArn("EchoQueue"));
            assertThat(echo.getProperty("awsRegion")).isEqualTo(cloud.region());
            assertThat(echo.getProperty("attribute.tier.dataType")).isEqualTo("String");
            assertThat(echo.getProperty("attribute.tier.stringValue")).isEqualTo("premium");
            assertThat(echo.getProperty("attribute.size.dataType")).isEqualTo("Number");
            assertThat(echo.getProperty("attribute.size.stringValue")).isEqualTo("2.5");
            assertThat(echo.getProperty("attribute.digest.dataType")).isEqualTo("Binary");
            assertThat(Base64.getDecoder().decode(echo.getProperty("attribute.digest.binaryValue"))).isEqualTo(binary);
            // Handler, its event classes, its Context interface and the thread's context loader: all the function's own.
            assertThat(echo.getProperty("loader.handler")).isEqualTo("function-EchoFunction");
            assertThat(echo.getProperty("loader.event")).isEqualTo("function-EchoFunction");
            assertThat(echo.getProperty("loader.context")).isEqualTo("function-EchoFunction");
            assertThat(echo.getProperty("loader.thread")).isEqualTo("function-EchoFunction");
            assertThat(echo.getProperty("context.functionName")).isEqualTo(cloud.stackName() + "-EchoFunction");
            assertThat(Integer.parseInt(echo.getProperty("context.remainingMillis"))).isBetween(1, 5_000);

            Class<?> loaded = cloud.handlerClass("EchoFunction");
            assertThat(loaded).isNotSameAs(EventEchoHandler.class);
            assertThat(loaded.getName()).isEqualTo(EventEchoHandler.class.getName());
            assertThat(loaded.getClassLoader()).isSameAs(cloud.functionClassLoader("EchoFunction"));
            assertThat(loaded.getClassLoader().getParent()).isSameAs(ClassLoader.getPlatformClassLoader());

            // The record the handler listed in batchItemFailures came back once more, then went to the DLQ; the other
            // record was deleted after its first delivery.
            assertThat(echoFiles(echoes)).containsExactlyInAnyOrder(ok + "-1", failing + "-1", failing + "-2");
            assertThat(cloud.deadLetterCount("EchoQueue")).isEqualTo(1);
            assertThat(cloud.functionStats("EchoFunction").errors()).isZero();
            assertThat(FUNCTION_LOG).contains("EchoFunction: echoed " + ok);
        }
    }

    @Test
    void runsAJarWithItsLibrariesInsideAndClosesItsClassLoaderWhenTheStackStops(@TempDir Path dir) throws Exception {
        FunctionPackages.jar(dir.resolve("build/echo.jar"), EventEchoHandler.class);
        Path echoes = Files.createDirectory(dir.resolve("echoes"));

        ClassLoader functionLoader;
        try (LocalCloud cloud = start(template(dir, "build/echo.jar"), "jar", echoes)) {
            String id = cloud.sqs().sendMessage(b -> b.queueUrl(cloud.queueUrl("EchoQueue")).messageBody("hello"))
                    .messageId();
            cloud.awaitIdle(Duration.ofSeconds(30));
            assertThat(echo(echoes, id + "-1").getProperty("loader.event")).isEqualTo("function-EchoFunction");
            functionLoader = cloud.functionClassLoader("EchoFunction");
            assertThat(functionLoader.loadClass("org.joda.time.DateTime").getClassLoader()).isSameAs(functionLoader);
        }
        // Closed with the stack: nothing more can be loaded from the package.
        assertThatThrownBy(() -> functionLoader.loadClass("com.amazonaws.services.lambda.runtime.events.KinesisEvent"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void stopsWithOneLineNamingTheFunctionThePathAndTheBuildCommandWhenThePackageWasNotBuilt(@TempDir Path dir)
            throws Exception {
        Path template = template(dir, "functions/echo/target/echo.jar");

        assertThatThrownBy(() -> LocalCloud.start(LocalCloudOptions.forTemplate(template).stackName("unbuilt").build()))
                .isInstanceOf(FunctionPackageMissingException.class)
                .hasMessage("function EchoFunction: package functions/echo/target/echo.jar (CodeUri) not found at "
                        + dir.toRealPath().resolve("functions/echo/target/echo.jar")
                        + "; build it with: mvn -B -DskipTests package -pl functions/echo -am");
        assertThat(SERVERS.get().sqs().listQueues(b -> b.queueNamePrefix("unbuilt-")).queueUrls()).isEmpty();
    }

    @Test
    void refusesToRunAFunctionWithoutCodeUriUnlessHandlersComeFromAGivenClassLoader(@TempDir Path dir) throws Exception {
        Path template = dir.resolve("template.yaml");
        Files.writeString(template, """
                Resources:
                  Q: {Type: AWS::SQS::Queue}
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: com.alphacast.localcloud.testing.DeliveryRecordingHandler::handle
                      Events:
                        E: {Type: SQS, Properties: {Queue: !GetAtt Q.Arn}}
                """);
        assertThatThrownBy(() -> LocalCloud.start(LocalCloudOptions.forTemplate(template).build()))
                .isInstanceOf(TemplateRefusedException.class)
                .hasMessageContaining("'Fn'")
                .hasMessageContaining("'CodeUri'");
        assertThat(LocalCloud.start(LocalCloudOptions.forTemplate(template).withoutFunctions().build(), SERVERS.get().backends()))
                .satisfies(LocalCloud::close);
    }

    private static LocalCloud start(Path template, String stack, Path echoes) {
        return LocalCloud.start(LocalCloudOptions.forTemplate(template).stackName(stack + "-" + System.nanoTime() % 100_000)
                .functionEnvironment("ECHO_DIR", echoes.toString())
                .functionLog((function, line) -> FUNCTION_LOG.add(function + ": " + line))
                .build(), SERVERS.get().backends());
    }

    private static Path template(Path dir, String codeUri) throws IOException {
        Path template = dir.resolve("template.yaml");
        Files.writeString(template, """
                Resources:
                  EchoQueue:
                    Type: AWS::SQS::Queue
                    Properties:
                      VisibilityTimeout: 1
                      RedrivePolicy:
                        deadLetterTargetArn: !GetAtt EchoDeadLetterQueue.Arn
                        maxReceiveCount: 2
                  EchoDeadLetterQueue: {Type: AWS::SQS::Queue}
                  EchoFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: com.alphacast.localcloud.packaged.EventEchoHandler
                      CodeUri: %s
                      Runtime: java21
                      Timeout: 1
                      Events:
                        Echo:
                          Type: SQS
                          Properties:
                            Queue: !GetAtt EchoQueue.Arn
                            FunctionResponseTypes: [ReportBatchItemFailures]
                """.formatted(codeUri));
        return template;
    }

    private static Properties echo(Path echoes, String name) throws IOException {
        Properties echo = new Properties();
        try (InputStream in = Files.newInputStream(echoes.resolve(name + ".properties"))) {
            echo.load(in);
        }
        return echo;
    }

    private static List<String> echoFiles(Path echoes) throws IOException {
        try (Stream<Path> files = Files.list(echoes)) {
            return files.map(f -> f.getFileName().toString().replace(".properties", "")).toList();
        }
    }
}
