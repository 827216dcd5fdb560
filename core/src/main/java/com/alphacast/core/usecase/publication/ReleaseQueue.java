package com.alphacast.core.usecase.publication;

import com.alphacast.core.publication.TierRelease;
import java.util.List;

/** Carries tier releases to the distribution function (the DeliveriesQueue in AWS), each held back by a delay. */
public interface ReleaseQueue {

    /**
     * Why {@code release} could never be carried (too large, characters the transport refuses); empty when it can.
     * Checked for every tier before any is sent, so a publication goes to all of its tiers or to none.
     */
    List<String> refusals(TierRelease release);

    /** Sends {@code release}, visible to the distribution function after {@code delaySeconds} (0 to 900). */
    void enqueue(TierRelease release, int delaySeconds);
}
