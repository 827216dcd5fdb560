package com.alphacast.bots.command.data;

import com.alphacast.core.signal.Signal;
import java.util.List;

/** Signals already distributed. */
public interface SignalHistory {

    /** The latest {@code count} signals, newest first. */
    List<Signal> recent(int count);
}
