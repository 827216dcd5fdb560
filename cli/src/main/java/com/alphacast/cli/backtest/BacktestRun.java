package com.alphacast.cli.backtest;

import com.alphacast.core.backtest.BacktestReport;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** A finished backtest with what it was asked, for the JSON, text and chart renderings. */
record BacktestRun(String data, List<String> recordings, String settingsProfile, Optional<String> strategyProfile,
                   List<String> strategies, LocalDate from, LocalDate to, List<String> instruments,
                   RecordedSessions.Dropped dropped, BacktestReport report, ZoneId zone) {
}
