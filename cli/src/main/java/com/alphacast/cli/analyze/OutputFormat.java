package com.alphacast.cli.analyze;

/** JSON for programs (default), aligned text tables for people. */
enum OutputFormat {
    JSON,
    TABLE
}
