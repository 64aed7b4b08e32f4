#pragma once

#include <QtGlobal>

namespace pw::loader {

// Bounds on what a pipeline file may hold, so that hostile or broken input is rejected
// with a message instead of exhausting memory, time or the stack.

// Larger files are refused before they are read.
inline constexpr qint64 maxFileBytes = 16 * 1024 * 1024;
// Lists and maps nested deeper than this are refused before the YAML parser sees them.
inline constexpr int maxNestingDepth = 200;
// The nodes a parsed document may hold: each costs about a hundred bytes.
inline constexpr qsizetype maxNodes = 2'000'000;
// The number of map entries and list items read in all; aliases can make a small file
// expand to far more values than it holds.
inline constexpr qint64 maxValuesRead = 2'000'000;
// The instances one matrix may expand to.
inline constexpr int maxMatrixInstances = 256;
// Diagnostics kept per file; a file with more problems than this needs fixing from the top.
inline constexpr int maxDiagnostics = 500;
// "did you mean" suggestions computed per file; each compares a word with every candidate.
inline constexpr int maxSuggestions = 100;
// The most retries a job may ask for.
inline constexpr int maxRetries = 10;

} // namespace pw::loader
