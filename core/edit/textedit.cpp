#include "textedit.h"

#include <QHash>

#include <algorithm>

namespace pw::edit {

TextEdit::TextEdit(QList<TextSplice> splices)
    : m_splices(std::move(splices))
{
    std::stable_sort(m_splices.begin(), m_splices.end(),
                     [](const TextSplice &a, const TextSplice &b) { return a.offset < b.offset; });
    // Splices that change nothing would only make the edit larger.
    m_splices.removeIf([](const TextSplice &s) { return s.removed == s.inserted; });
}

TextEdit::Fingerprint TextEdit::fingerprintOf(const QByteArray &text)
{
    return Fingerprint{text.size(), qHash(QByteArrayView(text))};
}

void TextEdit::bindTo(const QByteArray &before)
{
    m_before = fingerprintOf(before);
    m_after = fingerprintOf(appliedTo(before));
}

bool TextEdit::appliesTo(const QByteArray &text) const
{
    if (m_before.size >= 0) {
        const Fingerprint given = fingerprintOf(text);
        if (given.size != m_before.size || given.hash != m_before.hash)
            return false;
    }
    qsizetype previousEnd = 0;
    for (const TextSplice &splice : m_splices) {
        if (splice.offset < previousEnd || splice.offset + splice.removed.size() > text.size())
            return false;
        if (QByteArrayView(text).sliced(splice.offset, splice.removed.size()) != splice.removed)
            return false;
        previousEnd = splice.offset + splice.removed.size();
    }
    return true;
}

QByteArray TextEdit::appliedTo(const QByteArray &text) const
{
    QByteArray result;
    qsizetype growth = 0;
    for (const TextSplice &splice : m_splices)
        growth += splice.inserted.size() - splice.removed.size();
    result.reserve(text.size() + std::max<qsizetype>(growth, 0));

    qsizetype copied = 0;
    for (const TextSplice &splice : m_splices) {
        result.append(QByteArrayView(text).sliced(copied, splice.offset - copied));
        result.append(splice.inserted);
        copied = splice.offset + splice.removed.size();
    }
    result.append(QByteArrayView(text).sliced(copied));
    return result;
}

TextEdit TextEdit::inverted() const
{
    // Each splice moves by what the splices before it added or took away.
    QList<TextSplice> inverse;
    qsizetype shift = 0;
    for (const TextSplice &splice : m_splices) {
        inverse.append({splice.offset + shift, splice.inserted, splice.removed});
        shift += splice.inserted.size() - splice.removed.size();
    }
    TextEdit edit;
    edit.m_splices = inverse;
    edit.m_before = m_after;
    edit.m_after = m_before;
    return edit;
}

std::pair<int, int> TextEdit::changedLines(const QByteArray &newText) const
{
    if (m_splices.isEmpty())
        return {-1, -1};
    const TextEdit inverse = inverted();
    const TextSplice &first = inverse.m_splices.first();
    const TextSplice &last = inverse.m_splices.last();
    const auto lineOf = [&newText](qsizetype offset) {
        const qsizetype end = std::min(offset, newText.size());
        return int(std::count(newText.cbegin(), newText.cbegin() + end, '\n'));
    };
    const qsizetype lastEnd = last.offset + std::max<qsizetype>(last.removed.size() - 1, 0);
    return {lineOf(first.offset), lineOf(lastEnd)};
}

} // namespace pw::edit
