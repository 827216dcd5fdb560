package com.alphacast.core.usecase.approval;

import com.alphacast.core.distribution.TierDispatch;
import com.alphacast.core.signal.Signal;
import java.util.Objects;

/**
 * One message an approval sends on. Forwards are values with a key unique within their signal, so they can
 * be recorded as pending with the decision and marked done once published.
 */
public sealed interface Forward {

    Signal signal();

    /** Identifies this forward among its signal's forwards ({@code orders}, {@code tier:<key>}). */
    String key();

    /** The approved signal, to the order function. */
    record ToOrders(Signal signal) implements Forward {

        public ToOrders {
            Objects.requireNonNull(signal, "signal");
        }

        @Override
        public String key() {
            return "orders";
        }
    }

    /** One tier's release of the signal, to the distribution function, held back by the tier's delay. */
    record ToTier(TierDispatch dispatch, int delaySeconds) implements Forward {

        public ToTier {
            Objects.requireNonNull(dispatch, "dispatch");
            if (delaySeconds < 0) {
                throw new IllegalArgumentException("delaySeconds must be >= 0, was " + delaySeconds);
            }
        }

        @Override
        public Signal signal() {
            return dispatch.signal();
        }

        @Override
        public String key() {
            return "tier:" + dispatch.tier().key();
        }
    }
}
