package com.alphacast.bots.render;

import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.Fill;
import java.util.Objects;

/** Something worth telling subscribers: a new signal, a fill, a closed trade or a performance report. */
public sealed interface Announcement {

    /** Stable identity of the announcement, part of every idempotency key derived from it. */
    String id();

    record NewSignal(Signal signal) implements Announcement {
        public NewSignal {
            Objects.requireNonNull(signal, "signal");
        }

        @Override
        public String id() {
            return signal.id();
        }
    }

    /** @param underlying the underlying subscribers know the instrument by (a fill only names the contract) */
    record Filled(Fill fill, String underlying) implements Announcement {
        public Filled {
            Objects.requireNonNull(fill, "fill");
            Objects.requireNonNull(underlying, "underlying");
        }

        @Override
        public String id() {
            return "fill:" + fill.orderId() + ":" + fill.time().toEpochMilli();
        }
    }

    record Closed(TradeExit exit) implements Announcement {
        public Closed {
            Objects.requireNonNull(exit, "exit");
        }

        @Override
        public String id() {
            return "exit:" + exit.signalId();
        }
    }

    record Report(PerformanceReport report) implements Announcement {
        public Report {
            Objects.requireNonNull(report, "report");
        }

        @Override
        public String id() {
            return "report:" + report.period();
        }
    }
}
