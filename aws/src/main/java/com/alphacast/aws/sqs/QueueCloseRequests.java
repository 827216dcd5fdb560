package com.alphacast.aws.sqs;

import com.alphacast.core.usecase.trading.CloseRequest;
import com.alphacast.core.usecase.trading.CloseRequests;
import java.util.Map;

/**
 * {@code CloseRequests} on PositionCloseRequestsQueue, which only the position function consumes: the chat
 * functions never close a position themselves, they ask its one owner.
 */
public final class QueueCloseRequests implements CloseRequests {

    private final QueuePublisher closeRequests;

    public QueueCloseRequests(QueuePublisher closeRequests) {
        this.closeRequests = closeRequests;
    }

    @Override
    public void request(CloseRequest request) {
        closeRequests.publish(request, 0, Map.of("signalId", request.signalId()));
    }
}
