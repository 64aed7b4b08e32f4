#pragma once

#include "diagnosticsink.h"
#include "prescan.h"
#include "sourcetext.h"

namespace pw::loader {

// Checks what must hold before a text is given to the YAML parser: that it is not too
// large, is UTF-8 text rather than binary data, and does not nest too deeply. Reports the
// first such problem and returns nothing when there is one; else what the scan found.
std::optional<PrescanResult> checkInput(const SourceText &source, DiagnosticSink &sink);

// What is reported for a file over maxFileBytes, also before reading it.
QString fileTooLargeMessage();

} // namespace pw::loader
