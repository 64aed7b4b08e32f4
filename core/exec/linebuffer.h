#pragma once

#include <QByteArray>

namespace pw {

// Collects a stream of output and hands it out as whole lines, keeping a partial last line
// until its end arrives, so that logs are stored, masked and shown line by line.
class LineBuffer
{
public:
    void append(const QByteArray &data) { m_data.append(data); }

    // Takes every complete line collected so far; `lineCount` tells how many.
    QByteArray takeLines(int *lineCount);
    // Takes everything, a partial last line included (at the end of an attempt).
    QByteArray takeAll(int *lineCount);

    qsizetype size() const { return m_data.size(); }

private:
    QByteArray m_data;
};

} // namespace pw
