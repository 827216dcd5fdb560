package com.alphacast.core.risk;

import java.time.Instant;

/**
 * The operator's switch that stops all new trading. Persisted, so a halt survives restarts and applies
 * to every function instance.
 *
 * @param halted    true while trading is halted
 * @param reason    why the operator halted (shown in rejections and /status)
 * @param changedBy who last changed it
 * @param changedAt when it last changed
 */
public record KillSwitch(boolean halted, String reason, String changedBy, Instant changedAt) {

    public static KillSwitch released() {
        return new KillSwitch(false, "", "nobody", Instant.EPOCH);
    }
}
