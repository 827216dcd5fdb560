package com.alphacast.localcloud.template;

/**
 * The local cloud cannot honour something the template declares. The message always names the resource (logical id)
 * and the property, so the template author knows exactly what to change.
 */
public final class TemplateRefusedException extends RuntimeException {

    private final String resource;
    private final String property;
    private final String reason;

    public TemplateRefusedException(String resource, String property, String reason) {
        super("template refused: resource '" + resource + "', property '" + property + "': " + reason);
        this.resource = resource;
        this.property = property;
        this.reason = reason;
    }

    public TemplateRefusedException(String resource, String property, String reason, Throwable cause) {
        this(resource, property, reason);
        initCause(cause);
    }

    /** Logical id of the resource (or section, e.g. {@code Parameters.Stage}) that was refused. */
    public String resource() {
        return resource;
    }

    /** Why it was refused (the message without the resource and property). */
    public String reason() {
        return reason;
    }

    /** Property path inside the resource, e.g. {@code Properties.RedrivePolicy.deadLetterTargetArn}. */
    public String property() {
        return property;
    }
}
