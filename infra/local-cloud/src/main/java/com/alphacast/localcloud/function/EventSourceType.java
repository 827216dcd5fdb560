package com.alphacast.localcloud.function;

import com.alphacast.localcloud.template.Properties;
import java.util.Optional;

/**
 * Knows one SAM event type ({@code SQS}, {@code ScheduleV2}, {@code HttpApi}, ...): validates an event's resolved
 * properties and turns it into a definition. Returning empty means "accepted, nothing to run locally"; anything it
 * cannot honour must be refused with a {@link com.alphacast.localcloud.template.TemplateRefusedException} naming the
 * function and property.
 */
public interface EventSourceType {

    String type();

    Optional<EventSourceDefinition> define(FunctionEvent event, Properties properties, PlanningContext context);
}
