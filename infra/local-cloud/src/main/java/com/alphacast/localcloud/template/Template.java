package com.alphacast.localcloud.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed SAM/CloudFormation template: parameters, mappings, conditions, SAM globals and resources, all still
 * holding unresolved intrinsic functions. Resolution against a concrete local stack is {@link StackResolver}'s job.
 */
public record Template(String origin,
                       Map<String, Map<String, Object>> parameters,
                       Map<String, Object> mappings,
                       Map<String, Object> conditions,
                       Map<String, Object> functionGlobals,
                       Map<String, ResourceDeclaration> resources) {

    private static final Set<String> RESOURCE_KEYS = Set.of("Type", "Properties", "Condition", "DependsOn",
            "DeletionPolicy", "UpdateReplacePolicy", "Metadata", "CreationPolicy", "UpdatePolicy");

    public Template {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        mappings = Collections.unmodifiableMap(new LinkedHashMap<>(mappings));
        conditions = Collections.unmodifiableMap(new LinkedHashMap<>(conditions));
        functionGlobals = Collections.unmodifiableMap(new LinkedHashMap<>(functionGlobals));
        resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources));
    }

    public static Template load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read template " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    public static Template parse(String yaml, String origin) {
        Map<String, Object> document = CloudFormationYaml.parse(yaml, origin);
        Map<String, Map<String, Object>> parameters = new LinkedHashMap<>();
        mapping(document, "Parameters", "Parameters").forEach((name, declaration) ->
                parameters.put(name, mapping(declaration, "Parameters." + name)));
        Map<String, Object> globals = mapping(document, "Globals", "Globals");
        Map<String, Object> functionGlobals = mapping(globals, "Function", "Globals.Function");

        Map<String, ResourceDeclaration> resources = new LinkedHashMap<>();
        Map<String, Object> rawResources = mapping(document, "Resources", "Resources");
        if (rawResources.isEmpty()) {
            throw new TemplateRefusedException("Resources", "Resources", "the template declares no resources");
        }
        rawResources.forEach((logicalId, raw) -> {
            Map<String, Object> resource = mapping(raw, logicalId);
            for (String key : resource.keySet()) {
                if (!RESOURCE_KEYS.contains(key)) {
                    throw new TemplateRefusedException(logicalId, key, "unknown resource attribute");
                }
            }
            if (!(resource.get("Type") instanceof String type)) {
                throw new TemplateRefusedException(logicalId, "Type", "missing or not a string");
            }
            Object condition = resource.get("Condition");
            if (condition != null && !(condition instanceof String)) {
                throw new TemplateRefusedException(logicalId, "Condition", "must be the name of a condition");
            }
            resources.put(logicalId, new ResourceDeclaration(logicalId, type,
                    mapping(resource, "Properties", logicalId + ".Properties"),
                    Optional.ofNullable((String) condition)));
        });
        return new Template(origin, parameters, mapping(document, "Mappings", "Mappings"),
                mapping(document, "Conditions", "Conditions"), functionGlobals, resources);
    }

    public Optional<ResourceDeclaration> resource(String logicalId) {
        return Optional.ofNullable(resources.get(logicalId));
    }

    private static Map<String, Object> mapping(Map<String, Object> parent, String key, String where) {
        Object value = parent.get(key);
        return value == null ? Map.of() : mapping(value, where);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> mapping(Object value, String where) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new TemplateRefusedException(where, where, "expected a mapping but found " + describe(value));
    }

    static String describe(Object value) {
        return value == null ? "nothing" : value.getClass().getSimpleName() + " " + value;
    }
}
