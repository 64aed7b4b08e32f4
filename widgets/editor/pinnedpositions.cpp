#include "pinnedpositions.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QSettings>

namespace pw::gui::pinnedPositions {

namespace {

const QString arrayKey = QStringLiteral("editor/pinnedNodes");
// Enough files for everything one works on; a pipeline has far fewer jobs than this.
constexpr int maxFiles = 50;
constexpr qsizetype maxPins = 5000;

struct FilePins
{
    QString file;
    QHash<QString, QPointF> pins;
};

QString keyOf(const QString &path)
{
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? info.absoluteFilePath() : canonical;
}

// The pins of a JSON object {"job": [x, y]}; settings edited by hand may hold anything,
// and what is not a pin is left out.
QHash<QString, QPointF> pinsFrom(const QString &json)
{
    QHash<QString, QPointF> pins;
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    for (auto entry = object.begin(); entry != object.end() && pins.size() < maxPins; ++entry) {
        const QJsonArray point = entry.value().toArray();
        if (point.size() == 2 && point.at(0).isDouble() && point.at(1).isDouble())
            pins.insert(entry.key(), QPointF(point.at(0).toDouble(), point.at(1).toDouble()));
    }
    return pins;
}

QString jsonOf(const QHash<QString, QPointF> &pins)
{
    QJsonObject object;
    for (auto pin = pins.cbegin(); pin != pins.cend(); ++pin)
        object.insert(pin.key(), QJsonArray{pin.value().x(), pin.value().y()});
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QList<FilePins> readAll()
{
    QSettings settings;
    QList<FilePins> files;
    const int count = std::min(settings.beginReadArray(arrayKey), maxFiles);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        files.append({settings.value(QStringLiteral("file")).toString(),
                      pinsFrom(settings.value(QStringLiteral("pins")).toString())});
    }
    settings.endArray();
    return files;
}

void writeAll(const QList<FilePins> &files)
{
    QSettings settings;
    settings.remove(arrayKey);
    settings.beginWriteArray(arrayKey, int(files.size()));
    for (int i = 0; i < files.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("file"), files.at(i).file);
        settings.setValue(QStringLiteral("pins"), jsonOf(files.at(i).pins));
    }
    settings.endArray();
}

} // namespace

QHash<QString, QPointF> load(const QString &path)
{
    const QString key = keyOf(path);
    for (const FilePins &file : readAll()) {
        if (file.file == key)
            return file.pins;
    }
    return {};
}

void save(const QString &path, const QHash<QString, QPointF> &pins)
{
    const QString key = keyOf(path);
    QList<FilePins> files = readAll();
    files.removeIf([&key](const FilePins &file) { return file.file == key; });
    if (!pins.isEmpty())
        files.prepend({key, pins});
    if (files.size() > maxFiles)
        files.resize(maxFiles);
    writeAll(files);
}

} // namespace pw::gui::pinnedPositions
