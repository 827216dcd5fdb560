package com.alphacast.bots.command;

import java.time.Instant;

/**
 * Where operator commands are recorded: who asked, what, when and with what result, refused attempts
 * included. The router calls it for every command whose minimum role is admin.
 */
public interface OperatorAudit {

    void record(Caller caller, Routing routing, Instant at);

    /** No record kept: the self-hosted bot and tests that do not look at the audit. */
    static OperatorAudit none() {
        return (caller, routing, at) -> { };
    }
}
