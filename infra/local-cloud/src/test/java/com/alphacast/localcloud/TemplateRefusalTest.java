package com.alphacast.localcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.localcloud.template.StackSettings;
import com.alphacast.localcloud.template.Template;
import com.alphacast.localcloud.template.TemplateRefusedException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateRefusalTest {

    private static StackPlan plan(String yaml, Map<String, String> overrides) {
        return StackPlan.of(Template.parse(yaml, "inline"),
                new StackSettings("s", "us-east-1", "000000000000", overrides, URI.create("http://127.0.0.1:1")),
                LocalCloudOptions.defaultEventSourceTypes());
    }

    private static TemplateRefusedException refusal(String yaml) {
        return refusal(yaml, Map.of());
    }

    private static TemplateRefusedException refusal(String yaml, Map<String, String> overrides) {
        try {
            plan(yaml, overrides);
        } catch (TemplateRefusedException e) {
            return e;
        }
        throw new AssertionError("template was accepted:\n" + yaml);
    }

    @Test
    void refusesUnsupportedResourceTypeNamingTheResource() {
        TemplateRefusedException e = refusal("""
                Resources:
                  Bucket:
                    Type: AWS::S3::Bucket
                """);
        assertThat(e.resource()).isEqualTo("Bucket");
        assertThat(e.property()).isEqualTo("Type");
        assertThat(e.getMessage()).contains("'Bucket'", "AWS::S3::Bucket");
    }

    @Test
    void refusesTablePropertyItCannotHonour() {
        TemplateRefusedException e = refusal("""
                Resources:
                  Orders:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                      KinesisStreamSpecification: {StreamArn: arn:aws:kinesis:us-east-1:1:stream/x}
                """);
        assertThat(e.getMessage()).contains("'Orders'", "'KinesisStreamSpecification'");
    }

    @Test
    void refusesMalformedIndexNamingTheNestedProperty() {
        TemplateRefusedException e = refusal("""
                Resources:
                  Orders:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                      GlobalSecondaryIndexes:
                        - IndexName: by-x
                          KeySchema: [{AttributeName: id, KeyType: SORT}]
                          Projection: {ProjectionType: ALL}
                """);
        assertThat(e.resource()).isEqualTo("Orders");
        assertThat(e.property()).isEqualTo("GlobalSecondaryIndexes[0].KeySchema[0].KeyType");
    }

    @Test
    void refusesProvisionedTableWithoutThroughput() {
        TemplateRefusedException e = refusal("""
                Resources:
                  Orders:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                """);
        assertThat(e.property()).isEqualTo("ProvisionedThroughput");
    }

    @Test
    void refusesRedriveToQueueOutsideTheTemplate() {
        TemplateRefusedException e = refusal("""
                Resources:
                  Work:
                    Type: AWS::SQS::Queue
                    Properties:
                      RedrivePolicy:
                        deadLetterTargetArn: arn:aws:sqs:us-east-1:123456789012:elsewhere
                        maxReceiveCount: 3
                """);
        assertThat(e.resource()).isEqualTo("Work");
        assertThat(e.property()).isEqualTo("RedrivePolicy.deadLetterTargetArn");
    }

    @Test
    void refusesFifoQueueRedrivingToStandardQueue() {
        TemplateRefusedException e = refusal("""
                Resources:
                  Dlq: {Type: AWS::SQS::Queue}
                  Work:
                    Type: AWS::SQS::Queue
                    Properties:
                      FifoQueue: true
                      RedrivePolicy: {deadLetterTargetArn: !GetAtt Dlq.Arn, maxReceiveCount: 3}
                """);
        assertThat(e.getMessage()).contains("'Work'", "RedrivePolicy.deadLetterTargetArn", "FIFO");
    }

    @Test
    void refusesOutOfRangeQueueSettings() {
        TemplateRefusedException e = refusal("""
                Resources:
                  Work:
                    Type: AWS::SQS::Queue
                    Properties:
                      DelaySeconds: 901
                """);
        assertThat(e.property()).isEqualTo("DelaySeconds");
        assertThat(e.getMessage()).contains("901");
    }

    @Test
    void refusesEventTypesAndEventPropertiesItCannotRun() {
        String base = """
                Resources:
                  Q: {Type: AWS::SQS::Queue}
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::c
                      Events:
                        E:
                """;
        TemplateRefusedException stream = refusal(base + """
                          Type: DynamoDB
                          Properties: {Stream: x, StartingPosition: LATEST}
                """);
        assertThat(stream.resource()).isEqualTo("Fn");
        assertThat(stream.property()).isEqualTo("Events.E.Type");

        TemplateRefusedException filter = refusal(base + """
                          Type: SQS
                          Properties:
                            Queue: !GetAtt Q.Arn
                            FilterCriteria: {Filters: [{Pattern: '{"body": {"x": [1]}}'}]}
                """);
        assertThat(filter.property()).isEqualTo("Events.E.Properties.FilterCriteria");

        TemplateRefusedException batch = refusal(base + """
                          Type: SQS
                          Properties: {Queue: !GetAtt Q.Arn, BatchSize: 50}
                """);
        assertThat(batch.property()).isEqualTo("Events.E.Properties.BatchSize");
        assertThat(batch.getMessage()).contains("MaximumBatchingWindowInSeconds");
    }

    @Test
    void refusesAnSqsEventWhoseQueueVisibilityTimeoutIsShorterThanTheFunctionTimeoutUnlessRelaxed() {
        String yaml = """
                Resources:
                  Q: {Type: AWS::SQS::Queue, Properties: {VisibilityTimeout: 5}}
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::c
                      Timeout: 30
                      Events:
                        E: {Type: SQS, Properties: {Queue: !GetAtt Q.Arn}}
                """;
        TemplateRefusedException e = refusal(yaml);
        assertThat(e.resource()).isEqualTo("Fn");
        assertThat(e.property()).isEqualTo("Events.E.Properties.Queue");
        assertThat(e.getMessage()).contains("VisibilityTimeout 5", "Timeout of 30");
        StackPlan relaxed = StackPlan.of(Template.parse(yaml, "inline"),
                new StackSettings("s", "us-east-1", "000000000000", Map.of(), URI.create("http://127.0.0.1:1")),
                LocalCloudOptions.defaultEventSourceTypes(), false);
        assertThat(relaxed.functions().get("Fn").events()).hasSize(1);
    }

    @Test
    void refusesNonJavaRuntimeAndUnknownFunctionProperty() {
        TemplateRefusedException runtime = refusal("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties: {Handler: app.handler, Runtime: python3.12}
                """);
        assertThat(runtime.property()).isEqualTo("Runtime");

        TemplateRefusedException efs = refusal("""
                Globals:
                  Function:
                    FileSystemConfigs: [{Arn: x, LocalMountPath: /mnt/efs}]
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties: {Handler: a.B::c}
                """);
        assertThat(efs.resource()).isEqualTo("Fn");
        assertThat(efs.property()).isEqualTo("FileSystemConfigs");
    }

    @Test
    void refusesMissingOrInvalidParameters() {
        String template = """
                Parameters:
                  Stage: {Type: String, AllowedValues: [dev, prod]}
                Resources:
                  Q: {Type: AWS::SQS::Queue}
                """;
        assertThat(refusal(template).getMessage()).contains("Parameters.Stage", "no Default");
        assertThat(refusal(template, Map.of("Stage", "qa")).getMessage()).contains("Parameters.Stage", "AllowedValues", "'qa'");
        assertThat(refusal(template, Map.of("Stage", "dev", "Typo", "x")).getMessage()).contains("Typo", "does not declare");
    }

    @Test
    void refusesParametersWhoseValueLivesInSsm() {
        TemplateRefusedException e = refusal("""
                Parameters:
                  Token: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /alphacast/token}
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::c
                      Environment: {Variables: {TOKEN: !Ref Token}}
                """);
        assertThat(e.resource()).isEqualTo("Fn");
        assertThat(e.getMessage()).contains("Environment.Variables.TOKEN", "'Token'", "SSM");
    }

    @Test
    void refusesIntrinsicsWithoutLocalMeaningAndDanglingReferences() {
        TemplateRefusedException imported = refusal("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::c
                      Environment: {Variables: {X: !ImportValue shared-queue-url}}
                """);
        assertThat(imported.resource()).isEqualTo("Fn");
        assertThat(imported.getMessage()).contains("Environment.Variables.X", "Fn::ImportValue");

        TemplateRefusedException dangling = refusal("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::c
                      Environment: {Variables: {X: !Ref Missing}}
                """);
        assertThat(dangling.getMessage()).contains("'Missing'");
    }

    @Test
    void refusesATemplateFileBeforeCreatingAnything(@TempDir Path dir) throws Exception {
        Path template = dir.resolve("template.yaml");
        Files.writeString(template, """
                Resources:
                  Stream: {Type: AWS::Kinesis::Stream}
                """);
        assertThatThrownBy(() -> LocalCloud.start(LocalCloudOptions.forTemplate(template).build()))
                .isInstanceOf(TemplateRefusedException.class)
                .hasMessageContaining("'Stream'");
    }

    @Test
    void rejectsYamlThatIsNotATemplate() {
        assertThatThrownBy(() -> Template.parse("just text", "x.yaml")).hasMessageContaining("x.yaml");
        assertThatThrownBy(() -> Template.parse("a: [", "x.yaml")).hasMessageContaining("not valid YAML");
    }
}
