package com.alphacast.localcloud.function;

import com.alphacast.localcloud.template.Properties;
import java.util.Optional;

/**
 * Event types later issues will run locally ({@code ScheduleV2}, {@code Schedule}, {@code HttpApi}, {@code Api}):
 * accepted so the template loads, but nothing fires yet. Replace an entry with a real {@link EventSourceType} to run it.
 */
public record IgnoredEventSourceType(String type) implements EventSourceType {

    @Override
    public Optional<EventSourceDefinition> define(FunctionEvent event, Properties properties, PlanningContext context) {
        return Optional.empty();
    }
}
