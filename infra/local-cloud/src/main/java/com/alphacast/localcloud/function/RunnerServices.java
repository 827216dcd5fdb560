package com.alphacast.localcloud.function;

import com.alphacast.localcloud.function.http.HttpGateway;
import com.alphacast.localcloud.function.schedule.ScheduleClock;
import com.alphacast.localcloud.sqs.QueueDefinition;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What runners use at run time: the SQS client of the local cloud, the stack's queues with their local URLs and ARNs,
 * the region, the function log, the HTTP gateway HttpApi routes register with (present when the stack has routes)
 * and the clock ScheduleV2 schedules run on.
 *
 * @param functionLog receives (function logical id, line) for everything handlers log and every invocation failure
 */
public record RunnerServices(SqsClient sqs, String region, Map<String, QueueDefinition> queues,
                             Map<String, String> queueUrls, Map<String, String> queueArns,
                             BiConsumer<String, String> functionLog, Optional<HttpGateway> httpGateway,
                             ScheduleClock scheduleClock) {
}
