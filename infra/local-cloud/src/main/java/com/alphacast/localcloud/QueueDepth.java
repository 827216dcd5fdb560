package com.alphacast.localcloud;

/** Messages in one queue right now: visible, received but not yet deleted (in flight), and delayed. */
public record QueueDepth(int visible, int inFlight, int delayed) {

    public int total() {
        return visible + inFlight + delayed;
    }

    public boolean isEmpty() {
        return total() == 0;
    }

    @Override
    public String toString() {
        return visible + " visible, " + inFlight + " in flight, " + delayed + " delayed";
    }
}
