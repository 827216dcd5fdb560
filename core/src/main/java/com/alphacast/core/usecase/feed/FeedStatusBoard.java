package com.alphacast.core.usecase.feed;

import com.alphacast.core.marketdata.FeedStatus;
import java.util.List;

/**
 * Where each instrument's latest feed status is kept for operators (the control table on AWS, beside the kill switch
 * the risk check reads). One record per instrument; a newer status replaces the older one.
 */
public interface FeedStatusBoard {

    void publish(FeedStatus status);

    /** The latest status of every instrument on the board, by instrument. */
    List<FeedStatus> statuses();
}
