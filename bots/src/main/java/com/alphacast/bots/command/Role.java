package com.alphacast.bots.command;

/** What a caller may do, from most to least trusted. Unknown callers may only learn about the service. */
public enum Role {
    ADMIN,
    PREMIUM,
    BASIC,
    FREE,
    UNKNOWN;

    /** Whether this role includes everything {@code required} may do. */
    public boolean atLeast(Role required) {
        return ordinal() <= required.ordinal();
    }
}
