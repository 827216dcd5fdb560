package com.alphacast.core.usecase.briefing;

import com.alphacast.core.briefing.BriefingInputs;
import com.alphacast.core.briefing.FactSheet;
import java.util.Optional;

/** Draws the briefing's chart (a PNG); empty when there is nothing to draw. */
public interface ChartPainter {

    Optional<byte[]> paint(FactSheet facts, BriefingInputs inputs);
}
