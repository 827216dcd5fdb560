package com.alphacast.bots.command;

import com.alphacast.core.distribution.Channel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link SubscriberRegistry} held in memory: tests, the self-hosted bot (admins from configuration). */
public final class InMemorySubscriberRegistry implements SubscriberRegistry {

    private final Map<String, Role> roles = new ConcurrentHashMap<>();

    public InMemorySubscriberRegistry assign(Channel platform, String userId, Role role) {
        roles.put(platform.key() + ":" + userId, role);
        return this;
    }

    @Override
    public Role roleOf(Channel platform, String userId) {
        return roles.getOrDefault(platform.key() + ":" + userId, Role.UNKNOWN);
    }

    /** Parses {@code telegram:123=admin,discord:456=premium} (the ALPHACAST_ROLES variable). */
    public static InMemorySubscriberRegistry parse(String assignments) {
        InMemorySubscriberRegistry registry = new InMemorySubscriberRegistry();
        for (String entry : assignments.split(",")) {
            String item = entry.strip();
            if (item.isEmpty()) {
                continue;
            }
            String[] parts = item.split("=", 2);
            String[] who = parts[0].split(":", 2);
            if (parts.length != 2 || who.length != 2 || who[1].isBlank()) {
                throw new IllegalArgumentException("role assignment must look like telegram:123=admin, was '" + item + "'");
            }
            Role role;
            try {
                role = Role.valueOf(parts[1].strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown role '" + parts[1].strip() + "' in '" + item
                        + "' (expected admin, premium, basic or free)", e);
            }
            registry.assign(Channel.fromKey(who[0].strip()), who[1].strip(), role);
        }
        return registry;
    }
}
