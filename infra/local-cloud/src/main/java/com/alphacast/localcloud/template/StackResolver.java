package com.alphacast.localcloud.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a template's intrinsic functions for one local stack: {@code Ref} of a parameter gives its value, of a
 * table its local table name, of a queue its local queue URL; {@code Fn::GetAtt}, {@code Fn::Sub}, {@code Fn::If},
 * {@code Fn::Join}, {@code Fn::Select}, {@code Fn::Split}, {@code Fn::FindInMap}, {@code Fn::Equals},
 * {@code Fn::And}/{@code Or}/{@code Not}, {@code Fn::Base64} and {@code Fn::GetAZs} behave as in CloudFormation.
 * Every local name is prefixed with the stack name so several stacks can share the same servers.
 */
public final class StackResolver {

    /** {@code Ref: AWS::NoValue}: the enclosing property disappears. */
    public static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "AWS::NoValue";
        }
    };

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    private static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}|[A-Za-z0-9_-]{1,75}\\.fifo");
    private static final Set<String> NUMBER_PARAMETER_TYPES = Set.of("Number");

    private final Template template;
    private final StackSettings settings;
    private final Map<String, Object> parameterValues = new LinkedHashMap<>();
    private final Map<String, Boolean> conditionValues = new HashMap<>();
    private final Map<String, String> localNames = new HashMap<>();
    private final Deque<String> resolving = new ArrayDeque<>();

    public StackResolver(Template template, StackSettings settings) {
        this.template = template;
        this.settings = settings;
        for (String override : settings.parameterOverrides().keySet()) {
            if (!template.parameters().containsKey(override)) {
                throw new TemplateRefusedException("Parameters", override,
                        "an override was given for a parameter the template does not declare (declared: "
                                + template.parameters().keySet() + ")");
            }
        }
        template.parameters().forEach((name, declaration) -> parameterValues.put(name, parameterValue(name, declaration)));
    }

    public Template template() {
        return template;
    }

    public StackSettings settings() {
        return settings;
    }

    /** Parameter values after defaults and overrides (lists for list-typed parameters). */
    public Map<String, Object> parameterValues() {
        return java.util.Collections.unmodifiableMap(parameterValues);
    }

    /** Whether the resource exists in this stack (its {@code Condition}, if any, holds). */
    public boolean isActive(ResourceDeclaration resource) {
        return resource.condition().map(c -> condition(c, resource.logicalId(), "Condition")).orElse(true);
    }

    /** Resolves every intrinsic inside {@code value}; {@code resource}/{@code property} locate errors. */
    public Object resolve(Object value, String resource, String property) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                String key = (String) map.keySet().iterator().next();
                if (key.equals("Ref") || key.startsWith("Fn::")) {
                    return intrinsic(key, map.get(key), resource, property);
                }
            }
            Map<String, Object> resolved = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                Object child = resolve(entry.getValue(), resource, property + "." + key);
                if (child != NO_VALUE) {
                    resolved.put(key, child);
                }
            }
            return resolved;
        }
        if (value instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Object child = resolve(list.get(i), resource, property + "[" + i + "]");
                if (child != NO_VALUE) {
                    resolved.add(child);
                }
            }
            return resolved;
        }
        return value;
    }

    /** Resolves to a string (numbers and booleans are written as CloudFormation writes them). */
    public String resolveString(Object value, String resource, String property) {
        Object resolved = resolve(value, resource, property);
        if (resolved instanceof String || resolved instanceof Number || resolved instanceof Boolean) {
            return String.valueOf(resolved);
        }
        throw new TemplateRefusedException(resource, property, "expected a string but found " + Template.describe(resolved));
    }

    // ---------------------------------------------------------------- local names and addresses

    public String tableName(String logicalId) {
        ResourceDeclaration table = resourceOfType(logicalId, "AWS::DynamoDB::Table", "TableName");
        return localNames.computeIfAbsent("table:" + logicalId, k -> {
            String name = prefixed(explicitName(table, "TableName"), logicalId);
            if (!TABLE_NAME.matcher(name).matches()) {
                throw new TemplateRefusedException(logicalId, "TableName", "local table name '" + name
                        + "' is not a valid DynamoDB table name (3-255 of A-Z a-z 0-9 _ . -)");
            }
            return name;
        });
    }

    public String tableArn(String logicalId) {
        return "arn:aws:dynamodb:" + settings.region() + ":" + settings.accountId() + ":table/" + tableName(logicalId);
    }

    public String queueName(String logicalId) {
        ResourceDeclaration queue = resourceOfType(logicalId, "AWS::SQS::Queue", "QueueName");
        return localNames.computeIfAbsent("queue:" + logicalId, k -> {
            boolean fifo = isFifo(queue);
            String explicit = explicitName(queue, "QueueName");
            String name;
            if (explicit != null) {
                if (fifo != explicit.endsWith(".fifo")) {
                    throw new TemplateRefusedException(logicalId, "QueueName", fifo
                            ? "a FIFO queue's name must end with .fifo" : "only FIFO queues may end with .fifo");
                }
                name = prefixed(explicit, logicalId);
            } else {
                name = prefixed(null, logicalId) + (fifo ? ".fifo" : "");
            }
            if (!QUEUE_NAME.matcher(name).matches()) {
                throw new TemplateRefusedException(logicalId, "QueueName", "local queue name '" + name
                        + "' is not a valid SQS queue name (at most 80 of A-Z a-z 0-9 _ -, FIFO names end with .fifo);"
                        + " use a shorter stack name or QueueName");
            }
            return name;
        });
    }

    public boolean isFifo(ResourceDeclaration queue) {
        Object fifo = resolve(queue.properties().get("FifoQueue"), queue.logicalId(), "FifoQueue");
        return fifo != null && fifo != NO_VALUE && Boolean.parseBoolean(String.valueOf(fifo));
    }

    public String queueArn(String logicalId) {
        return "arn:aws:sqs:" + settings.region() + ":" + settings.accountId() + ":" + queueName(logicalId);
    }

    public String queueUrl(String logicalId) {
        return settings.sqsEndpoint() + "/" + settings.accountId() + "/" + queueName(logicalId);
    }

    public String functionName(String logicalId) {
        ResourceDeclaration function = resourceOfType(logicalId, "AWS::Serverless::Function", "FunctionName");
        return localNames.computeIfAbsent("function:" + logicalId,
                k -> prefixed(explicitName(function, "FunctionName"), logicalId));
    }

    /** What {@code Ref} to an {@code AWS::Serverless::HttpApi} gives locally (API Gateway would give its API id). */
    public String httpApiId(String logicalId) {
        return settings.stackName() + "-" + logicalId;
    }

    public String functionArn(String logicalId) {
        return "arn:aws:lambda:" + settings.region() + ":" + settings.accountId() + ":function:" + functionName(logicalId);
    }

    private String explicitName(ResourceDeclaration resource, String property) {
        Object name = resource.properties().get(property);
        if (name == null) {
            return null;
        }
        guard(resource.logicalId(), property);
        try {
            Object resolved = resolve(name, resource.logicalId(), property);
            return resolved == NO_VALUE ? null : resolveString(resolved, resource.logicalId(), property);
        } finally {
            resolving.pop();
        }
    }

    private String prefixed(String explicit, String logicalId) {
        String prefix = settings.stackName() + "-";
        if (explicit == null) {
            return prefix + logicalId;
        }
        return explicit.startsWith(prefix) ? explicit : prefix + explicit;
    }

    private ResourceDeclaration resourceOfType(String logicalId, String type, String property) {
        ResourceDeclaration resource = template.resources().get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException("the template declares no resource '" + logicalId + "' (resources: "
                    + template.resources().keySet() + ")");
        }
        if (!resource.type().equals(type)) {
            throw new IllegalArgumentException("resource '" + logicalId + "' is a " + resource.type() + ", not a " + type);
        }
        return resource;
    }

    private void guard(String logicalId, String property) {
        String key = logicalId + "." + property;
        if (resolving.contains(key)) {
            throw new TemplateRefusedException(logicalId, property, "circular reference through " + resolving);
        }
        resolving.push(key);
    }

    // ---------------------------------------------------------------- intrinsic functions

    private Object intrinsic(String function, Object argument, String resource, String property) {
        String where = property + "." + function;
        return switch (function) {
            case "Ref" -> ref(expectString(resolve(argument, resource, where), resource, where), resource, where);
            case "Fn::GetAtt" -> getAtt(argument, resource, where);
            case "Fn::Sub" -> sub(argument, resource, where);
            case "Fn::Join" -> {
                List<?> args = list(argument, 2, resource, where);
                String delimiter = expectString(resolve(args.get(0), resource, where), resource, where);
                List<?> parts = list(resolve(args.get(1), resource, where), -1, resource, where);
                List<String> strings = new ArrayList<>();
                for (Object part : parts) {
                    strings.add(scalar(part, resource, where));
                }
                yield String.join(delimiter, strings);
            }
            case "Fn::Select" -> {
                List<?> args = list(argument, 2, resource, where);
                int index;
                try {
                    index = Integer.parseInt(scalar(resolve(args.get(0), resource, where), resource, where));
                } catch (NumberFormatException e) {
                    throw new TemplateRefusedException(resource, where, "index is not a number");
                }
                List<?> values = list(resolve(args.get(1), resource, where), -1, resource, where);
                if (index < 0 || index >= values.size()) {
                    throw new TemplateRefusedException(resource, where, "index " + index + " out of range for " + values);
                }
                yield values.get(index);
            }
            case "Fn::Split" -> {
                List<?> args = list(argument, 2, resource, where);
                String delimiter = expectString(resolve(args.get(0), resource, where), resource, where);
                String source = scalar(resolve(args.get(1), resource, where), resource, where);
                yield List.of(source.split(Pattern.quote(delimiter), -1));
            }
            case "Fn::If" -> {
                List<?> args = list(argument, 3, resource, where);
                String name = expectString(args.get(0), resource, where);
                yield resolve(condition(name, resource, where) ? args.get(1) : args.get(2), resource, where);
            }
            case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or" -> evaluate(Map.of(function, argument), resource, where);
            case "Fn::FindInMap" -> findInMap(argument, resource, where);
            case "Fn::Base64" -> Base64.getEncoder().encodeToString(
                    scalar(resolve(argument, resource, where), resource, where).getBytes(StandardCharsets.UTF_8));
            case "Fn::GetAZs" -> List.of(settings.region() + "a", settings.region() + "b", settings.region() + "c");
            default -> throw new TemplateRefusedException(resource, where,
                    function + " is not supported by the local cloud (cross-stack imports, macros and transforms"
                            + " have no local equivalent)");
        };
    }

    private Object ref(String name, String resource, String where) {
        switch (name) {
            case "AWS::Region":
                return settings.region();
            case "AWS::AccountId":
                return settings.accountId();
            case "AWS::StackName":
                return settings.stackName();
            case "AWS::Partition":
                return "aws";
            case "AWS::URLSuffix":
                return "amazonaws.com";
            case "AWS::StackId":
                return "arn:aws:cloudformation:" + settings.region() + ":" + settings.accountId() + ":stack/"
                        + settings.stackName() + "/local";
            case "AWS::NoValue":
                return NO_VALUE;
            case "AWS::NotificationARNs":
                return List.of();
            default:
                break;
        }
        if (parameterValues.containsKey(name)) {
            Object type = template.parameters().get(name).get("Type");
            if (type != null && String.valueOf(type).startsWith("AWS::SSM::Parameter::Value")) {
                throw new TemplateRefusedException(resource, where, "Ref to parameter '" + name + "' of type " + type
                        + ": CloudFormation would read its value from SSM Parameter Store, which the local cloud"
                        + " does not run; pass the value in a String parameter instead");
            }
            return parameterValues.get(name);
        }
        ResourceDeclaration target = template.resources().get(name);
        if (target == null) {
            throw new TemplateRefusedException(resource, where, "Ref to '" + name
                    + "', which is neither a parameter, a pseudo parameter nor a resource of this template");
        }
        requireActive(target, resource, where);
        return switch (target.type()) {
            case "AWS::DynamoDB::Table" -> tableName(name);
            case "AWS::SQS::Queue" -> queueUrl(name);
            case "AWS::Serverless::Function" -> functionName(name);
            case "AWS::Serverless::HttpApi" -> httpApiId(name);
            case "AWS::SNS::Topic" -> "arn:aws:sns:" + settings.region() + ":" + settings.accountId() + ":"
                    + settings.stackName() + "-" + name;
            case "AWS::SSM::Parameter" -> {
                Object explicit = target.properties().get("Name");
                yield explicit == null ? settings.stackName() + "-" + name
                        : resolveString(explicit, name, "Name");
            }
            default -> settings.stackName() + "-" + name;
        };
    }

    private Object getAtt(Object argument, String resource, String where) {
        Object resolved = resolve(argument, resource, where);
        String logicalId;
        String attribute;
        if (resolved instanceof String s && s.indexOf('.') > 0) {
            logicalId = s.substring(0, s.indexOf('.'));
            attribute = s.substring(s.indexOf('.') + 1);
        } else {
            List<?> args = list(resolved, 2, resource, where);
            logicalId = expectString(args.get(0), resource, where);
            attribute = expectString(args.get(1), resource, where);
        }
        return attribute(logicalId, attribute, resource, where);
    }

    /** The value of {@code Fn::GetAtt logicalId.attribute} in this local stack. */
    public Object attribute(String logicalId, String attribute, String resource, String where) {
        ResourceDeclaration target = template.resources().get(logicalId);
        if (target == null) {
            throw new TemplateRefusedException(resource, where, "Fn::GetAtt of '" + logicalId
                    + "', which is not a resource of this template");
        }
        requireActive(target, resource, where);
        String type = target.type();
        Object value = switch (type + "." + attribute) {
            case "AWS::DynamoDB::Table.Arn" -> tableArn(logicalId);
            case "AWS::DynamoDB::Table.StreamArn" -> tableArn(logicalId) + "/stream/1970-01-01T00:00:00.000";
            case "AWS::SQS::Queue.Arn" -> queueArn(logicalId);
            case "AWS::SQS::Queue.QueueName" -> queueName(logicalId);
            case "AWS::SQS::Queue.QueueUrl" -> queueUrl(logicalId);
            case "AWS::Serverless::Function.Arn" -> functionArn(logicalId);
            case "AWS::SNS::Topic.TopicArn" -> ref(logicalId, resource, where);
            case "AWS::SNS::Topic.TopicName" -> settings.stackName() + "-" + logicalId;
            case "AWS::SSM::Parameter.Type" -> target.properties().getOrDefault("Type", "String");
            case "AWS::SSM::Parameter.Value" -> resolve(target.properties().get("Value"), logicalId, "Value");
            default -> null;
        };
        if (value == null) {
            throw new TemplateRefusedException(resource, where, "Fn::GetAtt " + logicalId + "." + attribute
                    + ": attribute " + attribute + " of a " + type + " has no local value");
        }
        return value;
    }

    private Object sub(Object argument, String resource, String where) {
        String text;
        Map<String, Object> variables = Map.of();
        if (argument instanceof String s) {
            text = s;
        } else {
            List<?> args = list(argument, 2, resource, where);
            text = expectString(args.get(0), resource, where);
            variables = Template.mapping(resolve(args.get(1), resource, where), resource + "." + where);
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1).trim();
            String replacement;
            if (name.startsWith("!")) {
                replacement = "${" + name.substring(1) + "}";
            } else if (variables.containsKey(name)) {
                replacement = scalar(variables.get(name), resource, where);
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                int dot = name.indexOf('.');
                replacement = scalar(attribute(name.substring(0, dot), name.substring(dot + 1), resource, where),
                        resource, where);
            } else {
                Object value = ref(name, resource, where);
                replacement = value instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList())
                        : scalar(value, resource, where);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private Object findInMap(Object argument, String resource, String where) {
        List<?> args = list(resolve(argument, resource, where), 3, resource, where);
        String mapName = scalar(args.get(0), resource, where);
        String top = scalar(args.get(1), resource, where);
        String second = scalar(args.get(2), resource, where);
        Object map = template.mappings().get(mapName);
        if (!(map instanceof Map<?, ?> topLevel) || !(topLevel.get(top) instanceof Map<?, ?> secondLevel)
                || !secondLevel.containsKey(second)) {
            throw new TemplateRefusedException(resource, where, "Fn::FindInMap [" + mapName + ", " + top + ", "
                    + second + "] is not in Mappings");
        }
        return resolve(secondLevel.get(second), resource, where);
    }

    // ---------------------------------------------------------------- conditions

    /** The value of the named condition in {@code Conditions}. */
    public boolean condition(String name, String resource, String where) {
        Boolean known = conditionValues.get(name);
        if (known != null) {
            return known;
        }
        if (!template.conditions().containsKey(name)) {
            throw new TemplateRefusedException(resource, where, "condition '" + name + "' is not declared in Conditions");
        }
        guard("Conditions", name);
        try {
            boolean value = evaluate(template.conditions().get(name), "Conditions", name);
            conditionValues.put(name, value);
            return value;
        } finally {
            resolving.pop();
        }
    }

    private boolean evaluate(Object expression, String resource, String where) {
        if (expression instanceof Boolean b) {
            return b;
        }
        if (expression instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        if (!(expression instanceof Map<?, ?> map) || map.size() != 1) {
            throw new TemplateRefusedException(resource, where, "not a condition expression: "
                    + Template.describe(expression));
        }
        String function = (String) map.keySet().iterator().next();
        Object argument = map.get(function);
        return switch (function) {
            case "Condition" -> condition(expectString(argument, resource, where), resource, where);
            case "Fn::Equals" -> {
                List<?> args = list(argument, 2, resource, where);
                yield comparable(resolve(args.get(0), resource, where))
                        .equals(comparable(resolve(args.get(1), resource, where)));
            }
            case "Fn::Not" -> !evaluate(list(argument, 1, resource, where).get(0), resource, where);
            case "Fn::And" -> list(argument, -1, resource, where).stream().allMatch(e -> evaluate(e, resource, where));
            case "Fn::Or" -> list(argument, -1, resource, where).stream().anyMatch(e -> evaluate(e, resource, where));
            default -> throw new TemplateRefusedException(resource, where, function + " is not a condition function");
        };
    }

    private static Object comparable(Object value) {
        return value instanceof List<?> ? value : String.valueOf(value);
    }

    private void requireActive(ResourceDeclaration target, String resource, String where) {
        if (!isActive(target)) {
            throw new TemplateRefusedException(resource, where, "refers to '" + target.logicalId()
                    + "', whose condition " + target.condition().orElseThrow() + " is false in this stack");
        }
    }

    // ---------------------------------------------------------------- parameters

    private Object parameterValue(String name, Map<String, Object> declaration) {
        String where = "Parameters." + name;
        String type = String.valueOf(declaration.getOrDefault("Type", "String"));
        String override = settings.parameterOverrides().get(name);
        Object raw = override != null ? override : declaration.get("Default");
        if (raw == null) {
            throw new TemplateRefusedException(where, "Default",
                    "the parameter has no Default and no override was given");
        }
        String text = raw instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList())
                : String.valueOf(raw);
        boolean isList = type.startsWith("List<") || type.equals("CommaDelimitedList")
                || type.startsWith("AWS::SSM::Parameter::Value<List<");
        List<String> values = isList ? List.of(text.split(",", -1)).stream().map(String::trim).toList() : List.of(text);
        for (String value : values) {
            validateParameter(where, declaration, type, value);
        }
        return isList ? values : text;
    }

    private static void validateParameter(String where, Map<String, Object> declaration, String type, String value) {
        Object allowed = declaration.get("AllowedValues");
        if (allowed instanceof List<?> list && list.stream().map(String::valueOf).noneMatch(value::equals)) {
            throw new TemplateRefusedException(where, "AllowedValues", "'" + value + "' is not one of " + list);
        }
        Object pattern = declaration.get("AllowedPattern");
        if (pattern != null && !Pattern.compile(String.valueOf(pattern)).matcher(value).matches()) {
            throw new TemplateRefusedException(where, "AllowedPattern", "'" + value + "' does not match " + pattern);
        }
        if (declaration.get("MinLength") != null && value.length() < number(declaration.get("MinLength"))) {
            throw new TemplateRefusedException(where, "MinLength", "'" + value + "' is shorter than " + declaration.get("MinLength"));
        }
        if (declaration.get("MaxLength") != null && value.length() > number(declaration.get("MaxLength"))) {
            throw new TemplateRefusedException(where, "MaxLength", "'" + value + "' is longer than " + declaration.get("MaxLength"));
        }
        if (NUMBER_PARAMETER_TYPES.contains(type) || type.equals("List<Number>")) {
            double number;
            try {
                number = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new TemplateRefusedException(where, "Type", "'" + value + "' is not a Number");
            }
            if (declaration.get("MinValue") != null && number < number(declaration.get("MinValue"))) {
                throw new TemplateRefusedException(where, "MinValue", value + " is below " + declaration.get("MinValue"));
            }
            if (declaration.get("MaxValue") != null && number > number(declaration.get("MaxValue"))) {
                throw new TemplateRefusedException(where, "MaxValue", value + " is above " + declaration.get("MaxValue"));
            }
        }
    }

    private static double number(Object value) {
        return Double.parseDouble(String.valueOf(value));
    }

    // ---------------------------------------------------------------- shapes

    private static List<?> list(Object value, int size, String resource, String where) {
        if (!(value instanceof List<?> list) || (size >= 0 && list.size() != size)) {
            throw new TemplateRefusedException(resource, where, "expected a list" + (size >= 0 ? " of " + size : "")
                    + " but found " + Template.describe(value));
        }
        return list;
    }

    private static String expectString(Object value, String resource, String where) {
        if (value instanceof String s) {
            return s;
        }
        throw new TemplateRefusedException(resource, where, "expected a string but found " + Template.describe(value));
    }

    private static String scalar(Object value, String resource, String where) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        throw new TemplateRefusedException(resource, where, "expected a scalar but found " + Template.describe(value));
    }
}
