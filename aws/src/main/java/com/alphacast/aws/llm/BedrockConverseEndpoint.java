package com.alphacast.aws.llm;

import com.alphacast.core.usecase.briefing.ModelAttempt;
import com.alphacast.core.usecase.briefing.ModelEndpoint;
import com.alphacast.core.usecase.briefing.ModelPrompt;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.JsonSchemaDefinition;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.OutputConfig;
import software.amazon.awssdk.services.bedrockruntime.model.OutputFormat;
import software.amazon.awssdk.services.bedrockruntime.model.OutputFormatStructure;
import software.amazon.awssdk.services.bedrockruntime.model.OutputFormatType;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

/**
 * One Amazon Bedrock Converse request through the SDK's {@code bedrockruntime} client (credentials from the
 * function's IAM role). Models that support structured output get {@code outputConfig.textFormat} of type
 * {@code json_schema}; for the others the schema goes into the system prompt and the JSON object is taken out
 * of the text (models like to wrap it in a Markdown fence). Throttling, unavailability, model timeouts and
 * client timeouts are transient; validation, access and unknown-model errors are failures.
 */
public final class BedrockConverseEndpoint implements ModelEndpoint {

    private final BedrockRuntimeClient bedrock;
    private final String modelId;
    private final boolean structuredOutput;
    private final Clock clock;

    /**
     * @param structuredOutput whether {@code modelId} accepts {@code outputConfig.textFormat} (a model setting:
     *                         Bedrock answers ValidationException to models that do not)
     */
    public BedrockConverseEndpoint(BedrockRuntimeClient bedrock, String modelId, boolean structuredOutput, Clock clock) {
        this.bedrock = Objects.requireNonNull(bedrock, "bedrock");
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("modelId must not be empty");
        }
        this.modelId = modelId;
        this.structuredOutput = structuredOutput;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String provider() {
        return "bedrock";
    }

    @Override
    public String model() {
        return modelId;
    }

    /** The Converse request sent for {@code prompt}. */
    public ConverseRequest request(ModelPrompt prompt, int maxOutputTokens, Duration timeout) {
        String system = structuredOutput ? prompt.instructions()
                : prompt.instructions() + "\n\nAnswer with one JSON object and nothing else. It must validate against"
                + " this JSON Schema:\n" + prompt.answerSchema();
        ConverseRequest.Builder request = ConverseRequest.builder()
                .modelId(modelId)
                .system(SystemContentBlock.fromText(system))
                .messages(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(prompt.facts())).build())
                .inferenceConfig(inference -> inference.maxTokens(maxOutputTokens))
                .overrideConfiguration(override -> override.apiCallTimeout(timeout));
        if (structuredOutput) {
            request.outputConfig(OutputConfig.builder().textFormat(OutputFormat.builder()
                    .type(OutputFormatType.JSON_SCHEMA)
                    .structure(OutputFormatStructure.fromJsonSchema(JsonSchemaDefinition.builder()
                            .name(prompt.schemaName()).schema(prompt.answerSchema()).build()))
                    .build()).build());
        }
        return request.build();
    }

    @Override
    public ModelAttempt attempt(ModelPrompt prompt, int maxOutputTokens, Duration timeout) {
        ConverseResponse response;
        try {
            response = bedrock.converse(request(prompt, maxOutputTokens, timeout));
        } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException e) {
            return new ModelAttempt.Transient("no answer within " + timeout.toMillis() + " ms", Optional.empty());
        } catch (AwsServiceException e) {
            String reason = e.awsErrorDetails() == null ? e.getMessage()
                    : e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
            if (e.statusCode() == 429 || e.statusCode() >= 500 || e.statusCode() == 408) {
                Optional<String> retryAfter = e.awsErrorDetails() == null || e.awsErrorDetails().sdkHttpResponse() == null
                        ? Optional.empty() : e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Retry-After");
                return new ModelAttempt.Transient("HTTP " + e.statusCode() + " " + reason,
                        RetryAfterHeader.parse(Optional.empty(), retryAfter, clock));
            }
            return new ModelAttempt.Failed("HTTP " + e.statusCode() + " " + reason);
        } catch (SdkClientException e) {
            return new ModelAttempt.Transient("Bedrock unreachable: " + e.getMessage(), Optional.empty());
        }
        if (response.stopReason() == StopReason.MAX_TOKENS) {
            return new ModelAttempt.Failed("the answer was cut off at the output token limit");
        }
        if (response.output() == null || response.output().message() == null) {
            return new ModelAttempt.Failed("the response has no output message");
        }
        String text = response.output().message().content().stream()
                .map(ContentBlock::text).filter(Objects::nonNull).collect(Collectors.joining());
        if (!structuredOutput) {
            text = jsonObjectIn(text);
        }
        long input = response.usage() == null || response.usage().inputTokens() == null ? 0 : response.usage().inputTokens();
        long output = response.usage() == null || response.usage().outputTokens() == null ? 0 : response.usage().outputTokens();
        return new ModelAttempt.Answered(text, modelId, input, output);
    }

    /** The text from its first '{' to its last '}', or the text itself when there is no such span (then validation names it). */
    static String jsonObjectIn(String text) {
        int open = text.indexOf('{');
        int close = text.lastIndexOf('}');
        return open >= 0 && close > open ? text.substring(open, close + 1) : text;
    }
}
