package com.alphacast.core.usecase.briefing;

import com.alphacast.core.publication.Publication;
import java.time.LocalDate;

/** Which days' recaps were released, so each day's recap goes out once however often the schedule fires. */
public interface RecapLedger {

    boolean released(LocalDate session);

    /** Records that {@code recap} was released to every tier. */
    void markReleased(Publication.DailyRecap recap);
}
