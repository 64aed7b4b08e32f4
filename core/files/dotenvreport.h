#pragma once

#include "core/model/variable.h"
#include "core/util/result.h"

#include <QByteArray>

namespace pw::files {

// GitLab's limits on one dotenv report (those of a self-managed instance by default).
struct DotenvLimits
{
    qint64 maxBytes = 5 * 1024;
    int maxVariables = 150;
    int maxNameLength = 255;
};

// Reads the text of a dotenv report as GitLab does: one NAME=VALUE per line, split at the
// first `=`, with blanks around the name and the value dropped. Names have only ASCII letters,
// digits and `_`; values are kept as written (quotes and `$` included) and are never expanded.
// Empty lines, comments and lines without `=` are errors, as are text over the size limit,
// more variables than the limit, text that is not UTF-8 and NUL bytes. Each message starts
// with `fileName`, and with the line number for a line ("build.env:3: ..."). A name given
// twice keeps its last value.
Result<Variables> parseDotenv(const QByteArray &text, const QString &fileName,
                              const DotenvLimits &limits = {});

// Reads and parses the report at `path`, shown in messages as `fileName`, without reading
// more than the size limit allows.
Result<Variables> readDotenvFile(const QString &path, const QString &fileName,
                                 const DotenvLimits &limits = {});

} // namespace pw::files
