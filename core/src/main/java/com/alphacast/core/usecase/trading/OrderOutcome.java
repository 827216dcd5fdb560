package com.alphacast.core.usecase.trading;

import com.alphacast.core.trading.Fill;
import java.util.Objects;

/** What one submission of an approved signal did. */
public sealed interface OrderOutcome {

    /** This call placed the order and recorded its fill and position. */
    record Filled(Fill fill) implements OrderOutcome {
        public Filled {
            Objects.requireNonNull(fill, "fill");
        }
    }

    /** The order will never be filled; it is recorded as rejected and its risk slot given back. */
    record Rejected(String orderId, String reason) implements OrderOutcome {
        public Rejected {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** An earlier delivery of the same approval already recorded the order (filled or rejected). */
    record AlreadyOnRecord(String orderId) implements OrderOutcome {
        public AlreadyOnRecord {
            Objects.requireNonNull(orderId, "orderId");
        }
    }
}
