#pragma once

#include "core/edit/textedit.h"

namespace pw::gui {

// The edit that turns `before` into `after` as one splice between their common start and
// common end: what typing in a text view changed, small enough to keep as an undo step.
edit::TextEdit textDifference(const QByteArray &before, const QByteArray &after);

} // namespace pw::gui
