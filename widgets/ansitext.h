#pragma once

#include <QByteArray>
#include <QString>

namespace pw::gui {

// A log line as shown: its text without ANSI escape sequences (colours, cursor moves) and
// without a trailing carriage return or newline. Invalid UTF-8 becomes replacement marks.
QString plainLogLine(const QByteArray &line);

} // namespace pw::gui
