package com.alphacast.aws.config;

/** Recognises secret references in settings; see {@link SecretResolver} for how each kind is fetched. */
public final class SecretReference {

    private SecretReference() {
    }

    public static boolean isReference(String value) {
        return value.startsWith("env:") && value.length() > 4
                || value.startsWith("ssm:") && value.length() > 4
                || value.startsWith("secretsmanager:") && value.length() > 15;
    }
}
