#pragma once

#include <QByteArray>
#include <QList>

namespace pw::edit {

// One replacement in a text: the bytes `removed` that start at `offset` become `inserted`.
struct TextSplice
{
    qsizetype offset = 0;
    QByteArray removed;
    QByteArray inserted;
};

// A change to a text as a few splices, each against the text before the change, in order
// and not overlapping. It keeps what it replaces, so that its inverse restores the old
// text byte for byte; its size is that of the lines it changes, not of the file.
class TextEdit
{
public:
    TextEdit() = default;
    // Sorts the splices by offset; they must not overlap.
    explicit TextEdit(QList<TextSplice> splices);

    const QList<TextSplice> &splices() const { return m_splices; }
    bool isEmpty() const { return m_splices.isEmpty(); }

    // Ties the edit to the one text it was made for, `before`, so that appliesTo() also
    // refuses other texts that happen to hold the same bytes at the splices; the inverse
    // is tied to the text this edit makes.
    void bindTo(const QByteArray &before);

    // Whether `text` holds, at each splice, the bytes the splice removes, and is the text
    // the edit was bound to, if any.
    bool appliesTo(const QByteArray &text) const;
    // `text` with the splices made; `text` must be one this edit appliesTo().
    QByteArray appliedTo(const QByteArray &text) const;
    // The edit that turns the result of this one back into the text it was made for.
    TextEdit inverted() const;

    // The 0-based lines of the changed text that hold a change, first and last; both -1
    // when the edit is empty. Counted in the text after the change.
    std::pair<int, int> changedLines(const QByteArray &newText) const;

private:
    struct Fingerprint
    {
        qsizetype size = -1; // -1: not bound
        size_t hash = 0;
    };
    static Fingerprint fingerprintOf(const QByteArray &text);

    QList<TextSplice> m_splices;
    Fingerprint m_before;
    Fingerprint m_after;
};

} // namespace pw::edit
