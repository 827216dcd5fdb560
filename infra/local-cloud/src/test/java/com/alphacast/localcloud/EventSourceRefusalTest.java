package com.alphacast.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.localcloud.template.StackSettings;
import com.alphacast.localcloud.template.Template;
import com.alphacast.localcloud.template.TemplateRefusedException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Event sources the local cloud cannot run stop the stack, naming the function, the event and its type. */
class EventSourceRefusalTest {

    private static StackPlan plan(String yaml) {
        return StackPlan.of(Template.parse(yaml, "inline"),
                new StackSettings("s", "us-east-1", "000000000000", Map.of(), URI.create("http://127.0.0.1:1")),
                LocalCloudOptions.defaultEventSourceTypes());
    }

    private static TemplateRefusedException refusal(String yaml) {
        try {
            plan(yaml);
        } catch (TemplateRefusedException e) {
            return e;
        }
        throw new AssertionError("template was accepted:\n" + yaml);
    }

    private static String function(String events) {
        return """
                Resources:
                  WebhookFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::c
                      Events:
                """ + events.indent(8);
    }

    @Test
    void refusesAnEventTypeItCannotRunInsteadOfIgnoringIt() {
        TemplateRefusedException e = refusal(function("""
                Alerts:
                  Type: SNS
                  Properties: {Topic: arn:aws:sns:us-east-1:000000000000:alerts}
                """));

        assertThat(e.resource()).isEqualTo("WebhookFunction");
        assertThat(e.property()).isEqualTo("Events.Alerts.Type");
        assertThat(e.getMessage()).contains("'SNS'", "HttpApi", "SQS");
    }

    @Test
    void refusesAnSqsMaximumConcurrencyBelowLambdasMinimumOfTwo() {
        TemplateRefusedException e = refusal("""
                Resources:
                  Work:
                    Type: AWS::SQS::Queue
                """ + function("""
                Jobs:
                  Type: SQS
                  Properties:
                    Queue: !GetAtt Work.Arn
                    ScalingConfig: {MaximumConcurrency: 1}
                """).substring("Resources:\n".length()));

        assertThat(e.resource()).isEqualTo("WebhookFunction");
        assertThat(e.property()).isEqualTo("Events.Jobs.Properties.ScalingConfig.MaximumConcurrency");
        assertThat(e.getMessage()).contains("SQS event 'Jobs'", "1 is outside 2..1000");
    }

    @Test
    void refusesAReservedConcurrencyOfZeroThatWouldNeverRunTheFunction() {
        TemplateRefusedException e = refusal("""
                Resources:
                  Idle:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::c
                      ReservedConcurrentExecutions: 0
                """);

        assertThat(e.resource()).isEqualTo("Idle");
        assertThat(e.property()).isEqualTo("ReservedConcurrentExecutions");
        assertThat(e.getMessage()).contains("0 is outside 1..1000");
    }

    @Test
    void refusesAnHttpApiAuthorizerNamingEventAndType() {
        TemplateRefusedException e = refusal(function("""
                Webhook:
                  Type: HttpApi
                  Properties:
                    Path: /telegram/webhook
                    Method: POST
                    Auth: {Authorizer: OAuth2}
                """));

        assertThat(e.resource()).isEqualTo("WebhookFunction");
        assertThat(e.property()).isEqualTo("Events.Webhook.Properties.Auth");
        assertThat(e.getMessage()).contains("HttpApi event 'Webhook'");
    }

    @Test
    void refusesAGreedyParameterBeforeTheLastSegment() {
        TemplateRefusedException e = refusal(function("""
                Files:
                  Type: HttpApi
                  Properties: {Path: "/files/{proxy+}/meta", Method: GET}
                """));

        assertThat(e.property()).isEqualTo("Events.Files.Properties.Path");
        assertThat(e.getMessage()).contains("{proxy+}", "last segment");
    }

    @Test
    void refusesAnUnknownMethodAndAPathWithoutItsMethod() {
        assertThat(refusal(function("""
                Files:
                  Type: HttpApi
                  Properties: {Path: /files, Method: FETCH}
                """)).property()).isEqualTo("Events.Files.Properties.Method");
        assertThat(refusal(function("""
                Files:
                  Type: HttpApi
                  Properties: {Path: /files}
                """)).getMessage()).contains("Path and Method go together");
    }

    @Test
    void refusesPayloadFormat1() {
        TemplateRefusedException e = refusal(function("""
                Webhook:
                  Type: HttpApi
                  Properties: {Path: /hook, Method: POST, PayloadFormatVersion: "1.0"}
                """));

        assertThat(e.property()).isEqualTo("Events.Webhook.Properties.PayloadFormatVersion");
        assertThat(e.getMessage()).contains("2.0");
    }

    @Test
    void refusesAnApiIdThatIsNoHttpApiOfTheTemplate() {
        TemplateRefusedException e = refusal("""
                Resources:
                  Inbox:
                    Type: AWS::SQS::Queue
                  WebhookFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::c
                      Events:
                        Webhook:
                          Type: HttpApi
                          Properties: {ApiId: !Ref Inbox, Path: /hook, Method: POST}
                """);

        assertThat(e.property()).isEqualTo("Events.Webhook.Properties.ApiId");
        assertThat(e.getMessage()).contains("not an AWS::Serverless::HttpApi");
    }

    @Test
    void refusesTwoFunctionsOnTheSameRoute() {
        TemplateRefusedException e = refusal("""
                Resources:
                  First:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::c
                      Events:
                        Hook: {Type: HttpApi, Properties: {Path: /hook, Method: post}}
                  Second:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::c
                      Events:
                        Hook: {Type: HttpApi, Properties: {Path: /hook, Method: POST}}
                """);

        assertThat(e.resource()).isEqualTo("Second");
        assertThat(e.getMessage()).contains("POST /hook", "already served by First/Hook");
    }

    @Test
    void refusesAnHttpApiPropertyItCannotHonour() {
        TemplateRefusedException e = refusal("""
                Resources:
                  Api:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      CorsConfiguration: {AllowOrigins: ["*"]}
                """);

        assertThat(e.resource()).isEqualTo("Api");
        assertThat(e.property()).isEqualTo("CorsConfiguration");
    }

    @Test
    void refusesRouteSettingsOtherThanThrottlingAndLogging() {
        TemplateRefusedException e = refusal("""
                Resources:
                  Api:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      DefaultRouteSettings: {ThrottlingBurstLimit: 5, Caching: true}
                """);

        assertThat(e.property()).isEqualTo("DefaultRouteSettings.Caching");
    }

    @Test
    void refusesAMalformedCronNamingFunctionEventAndExpression() {
        TemplateRefusedException e = refusal(function("""
                Briefing:
                  Type: ScheduleV2
                  Properties: {ScheduleExpression: "cron(0 8 * * MON-FRI *)"}
                """));

        assertThat(e.resource()).isEqualTo("WebhookFunction");
        assertThat(e.property()).isEqualTo("Events.Briefing.Properties.ScheduleExpression");
        assertThat(e.getMessage()).contains("ScheduleV2 event 'Briefing'", "cron(0 8 * * MON-FRI *)", "'?'");
    }

    @Test
    void refusesAnUnknownTimeZoneNamingIt() {
        TemplateRefusedException e = refusal(function("""
                Briefing:
                  Type: ScheduleV2
                  Properties: {ScheduleExpression: "cron(0 8 ? * MON-FRI *)", ScheduleExpressionTimezone: America/Gotham}
                """));

        assertThat(e.property()).isEqualTo("Events.Briefing.Properties.ScheduleExpressionTimezone");
        assertThat(e.getMessage()).contains("'America/Gotham'");
    }

    @Test
    void refusesScheduleSettingsTheSchedulerWouldRefuse() {
        assertThat(refusal(function("""
                Briefing:
                  Type: ScheduleV2
                  Properties: {ScheduleExpression: "rate(1 hour)", Input: "not json"}
                """)).property()).isEqualTo("Events.Briefing.Properties.Input");
        assertThat(refusal(function("""
                Briefing:
                  Type: ScheduleV2
                  Properties: {ScheduleExpression: "rate(1 hour)", RetryPolicy: {MaximumRetryAttempts: 200}}
                """)).property()).isEqualTo("Events.Briefing.Properties.RetryPolicy.MaximumRetryAttempts");
        assertThat(refusal(function("""
                Briefing:
                  Type: ScheduleV2
                  Properties: {ScheduleExpression: "rate(1 hour)", DeadLetterConfig: {Type: SQS}}
                """)).getMessage()).contains("!GetAtt <Queue>.Arn");
        assertThat(refusal(function("""
                Briefing:
                  Type: ScheduleV2
                  Properties: {ScheduleExpression: "rate(1 hour)", State: PAUSED}
                """)).property()).isEqualTo("Events.Briefing.Properties.State");
    }
}
