#pragma once

#include "layout.h"
#include "propertyvalue.h"

#include <QByteArray>

namespace pw::edit {

// A text as YAML: plain when that reads back the same, else quoted. `style` is the style
// to keep if it can (0 plain, '\'' or '"'); `inFlow` is whether it goes inside brackets.
QByteArray yamlScalar(const QString &text, bool inFlow, char style = 0);

// A value in flow style: `[a, b]`, `{key: value}`, or the text.
QByteArray yamlFlow(const PropertyValue &value);

// A collection in block style, as whole lines (each ending with the layout's newline),
// its keys or dashes at `indent`.
QByteArray yamlBlock(const PropertyValue &value, int indent, const Layout &layout);

// One block list item `- value` at `indent`, as whole lines; a map's first key shares the
// dash's line and its other keys line up with it, `itemIndent` past the dash.
QByteArray yamlBlockItem(const PropertyValue &value, int indent, int itemIndent,
                         const Layout &layout);

// How `key: value` continues after the key's ':' in a block map at `indent`: " text" or
// " [flow]" on the key's line, or a newline and the block lines (without a last newline).
QByteArray yamlAfterColon(const PropertyValue &value, int keyIndent, bool flow,
                          const Layout &layout);

} // namespace pw::edit
