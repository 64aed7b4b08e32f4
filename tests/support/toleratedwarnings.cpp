#include "toleratedwarnings.h"

namespace pw::test {

ToleratedWarnings::ToleratedWarnings(std::function<bool(const QString &)> tolerated)
{
    s_tolerated = std::move(tolerated);
    s_count.storeRelaxed(0);
    s_next = qInstallMessageHandler(&ToleratedWarnings::handle);
}

ToleratedWarnings::~ToleratedWarnings()
{
    // s_next stays set: another thread may be inside handle() still.
    qInstallMessageHandler(s_next);
}

int ToleratedWarnings::count()
{
    return s_count.loadRelaxed();
}

void ToleratedWarnings::handle(QtMsgType type, const QMessageLogContext &context,
                               const QString &text)
{
    if (type == QtWarningMsg && s_tolerated(text)) {
        s_count.fetchAndAddRelaxed(1);
        return;
    }
    s_next(type, context, text);
}

bool isLostStatementWarning(const QString &text)
{
    return text.startsWith(QLatin1String("Unable to free statement: "));
}

} // namespace pw::test
