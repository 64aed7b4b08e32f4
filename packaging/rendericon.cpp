// Renders an SVG icon to square PNGs: rendericon SOURCE.svg OUTPUT_DIR SIZE...
// writes OUTPUT_DIR/SIZExSIZE/pipewright.png for each size, for the hicolor icon theme.
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

namespace {

int fail(const QString &message)
{
    QTextStream(stderr) << "rendericon: " << message << Qt::endl;
    return 1;
}

bool render(QSvgRenderer &renderer, int size, const QString &path)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter);
    painter.end();
    return QDir().mkpath(QFileInfo(path).path()) && image.save(path, "PNG");
}

} // namespace

int main(int argc, char *argv[])
{
    // A build machine may have no display; rendering into an image needs none.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList arguments = QGuiApplication::arguments();
    if (arguments.size() < 4)
        return fail(QStringLiteral("usage: rendericon SOURCE.svg OUTPUT_DIR SIZE..."));

    QSvgRenderer renderer(arguments.at(1));
    if (!renderer.isValid())
        return fail(QStringLiteral("%1 is not a valid SVG file").arg(arguments.at(1)));

    for (const QString &argument : arguments.mid(3)) {
        bool ok = false;
        const int size = argument.toInt(&ok);
        if (!ok || size < 1 || size > 4096)
            return fail(QStringLiteral("'%1' is not a size from 1 to 4096").arg(argument));
        const QString path =
            QStringLiteral("%1/%2x%2/pipewright.png").arg(arguments.at(2)).arg(size);
        if (!render(renderer, size, path))
            return fail(QStringLiteral("cannot write %1").arg(path));
    }
    return 0;
}
