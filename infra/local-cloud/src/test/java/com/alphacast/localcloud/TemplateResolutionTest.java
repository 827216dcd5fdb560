package com.alphacast.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.localcloud.function.FunctionDefinition;
import com.alphacast.localcloud.function.sqs.SqsEventSource;
import com.alphacast.localcloud.sqs.QueueDefinition;
import com.alphacast.localcloud.template.StackResolver;
import com.alphacast.localcloud.template.StackSettings;
import com.alphacast.localcloud.template.Template;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateResolutionTest {

    private static final URI SQS = URI.create("http://127.0.0.1:9324");

    private static StackPlan plan(Map<String, String> overrides) {
        return StackPlan.of(Template.load(TestTemplates.runnerStack()),
                new StackSettings("demo", "eu-west-1", "000000000000", overrides, SQS),
                LocalCloudOptions.defaultEventSourceTypes());
    }

    private static StackResolver resolver(String yaml) {
        return new StackResolver(Template.parse(yaml, "inline"),
                new StackSettings("s1", "us-east-1", "000000000000", Map.of(), SQS));
    }

    @Test
    void shortFormTagsBecomeLongFormIntrinsics() {
        Template template = Template.parse("""
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                    Properties:
                      A: !Ref X
                      B: !GetAtt Q.Arn
                      C: !Sub "${X}"
                      D: !If [Cond, 1, 2]
                      E: !Join [",", [a, !Ref X]]
                      F: !Select [0, !GetAZs ""]
                      G: !Equals [a, b]
                """, "inline");
        Map<String, Object> properties = template.resources().get("Q").properties();
        assertThat(properties.get("A")).isEqualTo(Map.of("Ref", "X"));
        assertThat(properties.get("B")).isEqualTo(Map.of("Fn::GetAtt", List.of("Q", "Arn")));
        assertThat(properties.get("C")).isEqualTo(Map.of("Fn::Sub", "${X}"));
        assertThat(properties.get("D")).isEqualTo(Map.of("Fn::If", List.of("Cond", 1, 2)));
        assertThat(properties.get("E")).isEqualTo(Map.of("Fn::Join", List.of(",", List.of("a", Map.of("Ref", "X")))));
        assertThat(properties.get("F")).isEqualTo(Map.of("Fn::Select", List.of(0, Map.of("Fn::GetAZs", ""))));
        assertThat(properties.get("G")).isEqualTo(Map.of("Fn::Equals", List.of("a", "b")));
    }

    @Test
    void resolvesRefAndGetAttOfTablesAndQueuesToStackPrefixedLocalNames() {
        StackPlan plan = plan(Map.of());
        StackResolver resolver = plan.resolver();
        assertThat(resolver.tableName("DeliveriesTable")).isEqualTo("demo-DeliveriesTable");
        // An explicit name already carrying the stack name is not prefixed twice.
        assertThat(resolver.tableName("OrdersTable")).isEqualTo("demo-orders");
        assertThat(resolver.queueName("DelayedQueue")).isEqualTo("demo-delayed");
        assertThat(resolver.queueName("OrderedQueue")).isEqualTo("demo-OrderedQueue.fifo");
        assertThat(resolver.queueUrl("WorkQueue")).isEqualTo("http://127.0.0.1:9324/000000000000/demo-WorkQueue");
        assertThat(resolver.queueArn("WorkQueue")).isEqualTo("arn:aws:sqs:eu-west-1:000000000000:demo-WorkQueue");

        FunctionDefinition work = plan.functions().get("WorkFunction");
        assertThat(work.environment())
                .containsEntry("STAGE", "test")
                .containsEntry("DELIVERIES_TABLE", "demo-DeliveriesTable")
                .containsEntry("WORK_QUEUE_URL", "http://127.0.0.1:9324/000000000000/demo-WorkQueue")
                .containsEntry("WORK_QUEUE_ARN", "arn:aws:sqs:eu-west-1:000000000000:demo-WorkQueue")
                .containsEntry("ORDERS_TABLE", "demo-orders")
                .containsEntry("REGION_AND_ACCOUNT", "eu-west-1/000000000000/aws");
        assertThat(work.environment().get("ORDERS_STREAM"))
                .startsWith("arn:aws:dynamodb:eu-west-1:000000000000:table/demo-orders/stream/");
    }

    @Test
    void mergesGlobalsIntoEveryFunctionWithTheFunctionWinning() {
        StackPlan plan = plan(Map.of("Stage", "prod"));
        FunctionDefinition ordered = plan.functions().get("OrderedFunction");
        assertThat(ordered.timeoutSeconds()).isEqualTo(1);
        assertThat(plan.functions().get("DormantFunction").timeoutSeconds()).isEqualTo(5);
        assertThat(plan.functions().get("DormantFunction").memorySizeMb()).isEqualTo(512);
        assertThat(ordered.memorySizeMb()).isEqualTo(512);
        assertThat(ordered.environment()).containsOnlyKeys("STAGE", "DELIVERIES_TABLE").containsEntry("STAGE", "prod");
        assertThat(plan.functions().get("WorkFunction").environment()).containsKeys("STAGE", "WORK_QUEUE_URL");
        assertThat(ordered.functionName()).isEqualTo("demo-OrderedFunction");
    }

    @Test
    void readsSqsEventSourcesAndSkipsEventTypesLeftForLaterIssues() {
        StackPlan plan = plan(Map.of());
        assertThat(plan.functions().get("WorkFunction").events()).containsExactly(
                new SqsEventSource("WorkFunction", "Work", "WorkQueue", 5, 1, true, true, java.util.OptionalInt.empty()));
        assertThat(plan.functions().get("OrderedFunction").events()).containsExactly(
                new SqsEventSource("OrderedFunction", "Ordered", "OrderedQueue", 10, 0, true, true, java.util.OptionalInt.of(5)));
        assertThat(plan.functions().get("DormantFunction").events()).singleElement()
                .satisfies(e -> assertThat(e.enabled()).isFalse());
    }

    @Test
    void ordersDeadLetterQueuesBeforeTheirSourcesAndParsesJsonRedrivePolicies() {
        StackPlan plan = plan(Map.of());
        List<String> order = List.copyOf(plan.queues().keySet());
        assertThat(order.indexOf("WorkDeadLetterQueue")).isLessThan(order.indexOf("WorkQueue"));
        assertThat(order.indexOf("OrderedDeadLetterQueue")).isLessThan(order.indexOf("OrderedQueue"));
        QueueDefinition ordered = plan.queues().get("OrderedQueue");
        assertThat(ordered.deadLetterQueue()).contains("OrderedDeadLetterQueue");
        assertThat(ordered.maxReceiveCount()).isEqualTo(2);
        assertThat(ordered.attributes()).containsEntry("FifoQueue", "true").containsEntry("ContentBasedDeduplication", "true");
        assertThat(plan.queues().get("DelayedQueue").attributes()).containsEntry("DelaySeconds", "2")
                .containsEntry("ReceiveMessageWaitTimeSeconds", "1").containsEntry("VisibilityTimeout", "5");
        assertThat(plan.deadLetterQueues()).containsExactlyInAnyOrder("WorkDeadLetterQueue", "OrderedDeadLetterQueue");
    }

    @Test
    void parameterOverridesReplaceDefaultsAndConditionsFollowThem() {
        assertThat(plan(Map.of("DeliveryDelaySeconds", "7")).queues().get("DelayedQueue").attributes())
                .containsEntry("DelaySeconds", "7");
        assertThat(plan(Map.of()).ignoredResources()).isEmpty();
        assertThat(plan(Map.of("Stage", "prod")).ignoredResources()).containsExactly("ProdOnlyAlarm (AWS::CloudWatch::Alarm)");
    }

    @Test
    void evaluatesSubJoinSelectSplitFindInMapIfAndNoValue() {
        StackResolver resolver = resolver("""
                Parameters:
                  Names: {Type: CommaDelimitedList, Default: "alpha, beta,gamma"}
                  Env: {Type: String, Default: dev}
                Mappings:
                  Sizes:
                    dev: {batch: 5}
                Conditions:
                  IsDev: !Equals [!Ref Env, dev]
                  NotDev: !Not [!Condition IsDev]
                  Both: !And [!Condition IsDev, !Or [!Condition NotDev, !Equals [1, "1"]]]
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                """);
        assertThat(resolver.resolve(Map.of("Fn::Sub", List.of("${A}-${AWS::StackName}-${!Literal}", Map.of("A", "x"))), "Q", "P"))
                .isEqualTo("x-s1-${Literal}");
        assertThat(resolver.resolve(Map.of("Fn::Sub", "${Q.QueueName}|${Q}"), "Q", "P"))
                .isEqualTo("s1-Q|http://127.0.0.1:9324/000000000000/s1-Q");
        assertThat(resolver.resolve(Map.of("Fn::Join", List.of("+", Map.of("Ref", "Names"))), "Q", "P"))
                .isEqualTo("alpha+beta+gamma");
        assertThat(resolver.resolve(Map.of("Fn::Select", List.of("1", Map.of("Ref", "Names"))), "Q", "P")).isEqualTo("beta");
        assertThat(resolver.resolve(Map.of("Fn::Split", List.of("/", "a/b")), "Q", "P")).isEqualTo(List.of("a", "b"));
        assertThat(resolver.resolve(Map.of("Fn::FindInMap", List.of("Sizes", Map.of("Ref", "Env"), "batch")), "Q", "P"))
                .isEqualTo(5);
        assertThat(resolver.resolve(Map.of("Fn::If", List.of("Both", "yes", "no")), "Q", "P")).isEqualTo("yes");
        assertThat(resolver.resolve(Map.of("Fn::If", List.of("NotDev", "yes", "no")), "Q", "P")).isEqualTo("no");
        assertThat(resolver.resolve(Map.of("Keep", 1, "Drop", Map.of("Fn::If", List.of("IsDev", Map.of("Ref", "AWS::NoValue"), 2))), "Q", "P"))
                .isEqualTo(Map.of("Keep", 1));
        assertThat(resolver.resolve(Map.of("Fn::GetAtt", "Q.QueueUrl"), "Q", "P"))
                .isEqualTo("http://127.0.0.1:9324/000000000000/s1-Q");
    }

    @Test
    void keepsDatesAndYamlScalarsAsCloudFormationDoes() {
        Template template = Template.parse("""
                AWSTemplateFormatVersion: 2010-09-09
                Resources:
                  Q: {Type: AWS::SQS::Queue, Properties: {DelaySeconds: 5}}
                """, "inline");
        assertThat(template.resources().get("Q").properties()).containsEntry("DelaySeconds", 5);
    }
}
