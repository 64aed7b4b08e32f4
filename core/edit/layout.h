#pragma once

#include "syntaxtree.h"

#include <QHash>

namespace pw::edit {

// How a file lays out what it holds, so that new text looks like the rest: its line
// ending, how far nested maps, lists and list items are indented, and which keys it
// writes in flow style (`needs: [a, b]`) rather than in block style.
struct Layout
{
    QByteArray newline = "\n";
    int mapIndent = 2;  // the keys of a nested map, past their parent key
    int listIndent = 2; // the '-' of a list under a key, past the key (0 for "key:\n- a")
    int itemIndent = 2; // the content of a list item, past its '-'

    static Layout of(const SyntaxTree &tree);

    // Whether the file writes a collection under `key` in flow style; with no such key in
    // the file, block style.
    bool prefersFlow(const QString &key) const { return m_flowKeys.value(key, false); }

private:
    QHash<QString, bool> m_flowKeys;
};

} // namespace pw::edit
