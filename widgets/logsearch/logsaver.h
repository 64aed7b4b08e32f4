#pragma once

#include "logtext.h"

#include <QFuture>
#include <QString>

namespace pw::gui {

// Writes the first `lines` lines of `text` to the file at `path` as they are shown (escape
// sequences left out, one newline each), on a worker thread. The file appears whole or not
// at all. The future gives the error, or an empty string once written.
QFuture<QString> saveLogAsync(const LogText &text, qint64 lines, const QString &path);

} // namespace pw::gui
