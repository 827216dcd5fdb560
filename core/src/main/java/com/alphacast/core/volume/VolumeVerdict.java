package com.alphacast.core.volume;

/** Outcome of comparing one volume observation with its rolling baseline. */
public enum VolumeVerdict {
    /** Not enough history in the baseline yet: no judgement is made. */
    WARMING_UP,
    NORMAL,
    UNUSUAL
}
