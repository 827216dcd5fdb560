package com.alphacast.bots.command;

import java.util.Objects;

/** Who may run what: the commands there are, with their minimum roles, and each caller's role. */
public record CommandAccess(CommandCatalog catalog, SubscriberRegistry registry) {

    public CommandAccess {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(registry, "registry");
    }
}
