package com.alphacast.bots.command.data;

import com.alphacast.core.trading.Position;
import java.util.List;

/** Open positions, as the broker adapter last recorded them. */
public interface PositionBook {

    List<Position> openPositions();
}
