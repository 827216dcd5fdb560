package com.alphacast.aws.config;

/** A settings file that cannot be used. The message names the file and the key. */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
