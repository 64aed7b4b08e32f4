#include "inputguard.h"

#include "limits.h"
#include "prescan.h"

namespace pw::loader {

namespace {

// The length of the UTF-8 sequence starting at `offset`, or 0 when it is not valid UTF-8
// (a stray continuation byte, a truncated sequence, an overlong form or a surrogate).
int utf8SequenceLength(const QByteArray &text, qsizetype offset)
{
    const char *data = text.constData();
    const auto byte = [data](qsizetype i) { return static_cast<unsigned char>(data[i]); };
    const unsigned char lead = byte(offset);
    const int length = lead < 0x80   ? 1
                       : lead < 0xC2 ? 0
                       : lead < 0xE0 ? 2
                       : lead < 0xF0 ? 3
                       : lead < 0xF5 ? 4
                                     : 0;
    if (length == 0 || offset + length > text.size())
        return 0;
    if (length == 1)
        return 1;

    for (int i = 1; i < length; ++i) {
        if ((byte(offset + i) & 0xC0) != 0x80)
            return 0;
    }
    // The second byte decides overlong three- and four-byte forms, surrogates, and
    // code points beyond U+10FFFF.
    const unsigned char second = byte(offset + 1);
    if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second >= 0xA0)
        || (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second >= 0x90))
        return 0;
    return length;
}

bool isForbiddenControl(unsigned char c)
{
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
}

// Finds the first byte that makes the text unfit to be YAML, and says why.
bool checkEncoding(const SourceText &source, DiagnosticSink &sink)
{
    const QByteArray &text = source.bytes();
    if (text.startsWith("\xFF\xFE") || text.startsWith("\xFE\xFF")) {
        sink.error(source.wholeFile(), QStringLiteral("the file is UTF-16 text; save it as "
                                                      "UTF-8"));
        return false;
    }
    // Binary data is told first by its NUL bytes, which text never holds.
    if (const qsizetype nul = text.indexOf('\0'); nul >= 0) {
        sink.error(source.locateOffset(nul),
                   QStringLiteral("the file holds binary data (a NUL byte), not the text of a "
                                  "pipeline"));
        return false;
    }

    const char *data = text.constData();
    for (qsizetype i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(data[i]);
        if (isForbiddenControl(c)) {
            sink.error(source.locateOffset(i),
                       QStringLiteral("the file holds the control character 0x%1, which YAML "
                                      "text may not contain")
                           .arg(c, 2, 16, QLatin1Char('0')));
            return false;
        }
        const int length = c < 0x80 ? 1 : utf8SequenceLength(text, i);
        if (length == 0) {
            sink.error(source.locateOffset(i),
                       QStringLiteral("the file is not UTF-8 text (byte 0x%1 is not valid "
                                      "here); save it as UTF-8")
                           .arg(c, 2, 16, QLatin1Char('0')));
            return false;
        }
        i += length;
    }
    return true;
}

} // namespace

QString fileTooLargeMessage()
{
    return QStringLiteral("the file is larger than %1 MiB, the most a pipeline file may hold")
        .arg(maxFileBytes / (1024 * 1024));
}

std::optional<PrescanResult> checkInput(const SourceText &source, DiagnosticSink &sink)
{
    if (source.bytes().size() > maxFileBytes) {
        sink.error(source.wholeFile(), fileTooLargeMessage());
        return std::nullopt;
    }
    if (!checkEncoding(source, sink))
        return std::nullopt;

    const PrescanResult scan = prescan(source.bytes(), maxNestingDepth);
    if (scan.tooDeepAt >= 0) {
        sink.error(source.locateOffset(scan.tooDeepAt),
                   QStringLiteral("lists and maps are nested more than %1 levels deep here")
                       .arg(maxNestingDepth));
        return std::nullopt;
    }
    return scan;
}

} // namespace pw::loader
