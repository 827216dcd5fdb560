package com.alphacast.localcloud.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.DumperOptions;

/**
 * Reads CloudFormation/SAM YAML into plain maps and lists. Short-form intrinsic tags ({@code !Ref X},
 * {@code !GetAtt A.B}, {@code !Sub ...}, {@code !If [...]}) become their long form ({@code {"Ref": "X"}},
 * {@code {"Fn::GetAtt": ["A","B"]}}, ...) so the resolver sees one shape only.
 */
public final class CloudFormationYaml {

    private CloudFormationYaml() {
    }

    /** Parses one template document; {@code origin} names the source in error messages. */
    public static Map<String, Object> parse(String text, String origin) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(16 * 1024 * 1024);
        Yaml yaml = new Yaml(new IntrinsicConstructor(options), new Representer(new DumperOptions()),
                new DumperOptions(), options, new NoTimestampResolver());
        Object document;
        try {
            document = yaml.load(text);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(origin + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(origin + " is not a CloudFormation template (top level is not a mapping)");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) map;
        return result;
    }

    /** CloudFormation keeps dates such as {@code 2010-09-09} as strings; so do we. */
    private static final class NoTimestampResolver extends Resolver {
        @Override
        public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
            if (!Tag.TIMESTAMP.equals(tag)) {
                super.addImplicitResolver(tag, regexp, first, limit);
            }
        }
    }

    private static final class IntrinsicConstructor extends SafeConstructor {
        IntrinsicConstructor(LoaderOptions options) {
            super(options);
            this.yamlMultiConstructors.put("!", new IntrinsicTag());
        }

        private final class IntrinsicTag extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                String name = node.getTag().getValue().substring(1);
                Object value;
                if (node instanceof ScalarNode scalar) {
                    value = constructScalar(scalar);
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                Map<String, Object> intrinsic = new LinkedHashMap<>();
                switch (name) {
                    case "Ref" -> intrinsic.put("Ref", value);
                    case "Condition" -> intrinsic.put("Condition", value);
                    case "GetAtt" -> {
                        if (value instanceof String s) {
                            int dot = s.indexOf('.');
                            if (dot < 1) {
                                throw new YAMLException("!GetAtt " + s + " must be Resource.Attribute");
                            }
                            intrinsic.put("Fn::GetAtt", List.of(s.substring(0, dot), s.substring(dot + 1)));
                        } else {
                            intrinsic.put("Fn::GetAtt", value);
                        }
                    }
                    default -> intrinsic.put("Fn::" + name, value);
                }
                return intrinsic;
            }
        }
    }
}
