#include "guitestsupport.h"
#include "testsupport.h"
#include "widgets/mainwindow.h"
#include "widgets/translations.h"

#include <QFile>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace pw;
using namespace pw::gui;

namespace {

// A message of a .ts file: its context, source text, and what is wrong with its translation.
struct Message
{
    QString context;
    QString source;
    QStringList translations; // one, or one per plural form
    bool unfinished = false;
};

// A translation's text, or its plural forms.
QStringList readTranslation(QXmlStreamReader &xml)
{
    QStringList forms;
    QString text;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == QLatin1String("translation"))
            break;
        if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
            forms.append(xml.readElementText());
        else if (xml.isCharacters())
            text += xml.text();
    }
    return forms.isEmpty() ? QStringList{text} : forms;
}

QList<Message> readMessages(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }

    QList<Message> messages;
    QString context;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            messages.append(Message{context, {}, {}, false});
        } else if (xml.name() == QLatin1String("source") && !messages.isEmpty()) {
            messages.last().source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation") && !messages.isEmpty()) {
            messages.last().unfinished = !xml.attributes().value(QLatin1String("type")).isEmpty();
            messages.last().translations = readTranslation(xml);
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression number(QStringLiteral("%(\\d+|n)"));
    QStringList found;
    for (auto it = number.globalMatch(text); it.hasNext();)
        found.append(it.next().captured());
    found.sort();
    found.removeDuplicates();
    return found;
}

QString translationsDir()
{
    return test::binaryDir() + QStringLiteral("/app/pipewright/translations");
}

QString germanTs()
{
    return test::sourceDir() + QStringLiteral("/translations/pipewright_de.ts");
}

} // namespace

class TranslationsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void everyStringOfTheSourcesIsTranslated();
    void translationsKeepTheirPlaceholders();
    void theWindowSpeaksGermanInAGermanLocale();

private:
    QTemporaryDir m_home;
};

void TranslationsTest::initTestCase()
{
    QVERIFY(m_home.isValid());
    test::dropPlatformNoise();
    test::useScratchHome(m_home, QStringLiteral("tst_translations"));
}

void TranslationsTest::init()
{
    test::failOnWarnings();
}

// lupdate over the app's sources, into a copy of the German file, adds every string the file
// lacks as unfinished: so none may be unfinished afterwards.
void TranslationsTest::everyStringOfTheSourcesIsTranslated()
{
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString copy = scratch.filePath(QStringLiteral("pipewright_de.ts"));
    QVERIFY(QFile::copy(germanTs(), copy));
    QFile::setPermissions(copy, QFile::permissions(copy) | QFile::WriteOwner);

    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(PIPEWRIGHT_LUPDATE),
                  {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                   QStringLiteral("none"),
                   QLatin1Char('@') + translationsDir() + QStringLiteral("/sources.txt"),
                   QStringLiteral("-ts"), copy});
    QVERIFY(lupdate.waitForFinished(120000));
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());

    QString error;
    const QList<Message> messages = readMessages(copy, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 100);
    QStringList missing;
    for (const Message &message : messages) {
        const bool empty =
            message.translations.isEmpty() || message.translations.contains(QString());
        if (message.unfinished || empty)
            missing.append(message.context + QStringLiteral(": ") + message.source);
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("untranslated (run the pipewright_lupdate target, then "
                                       "translate):\n")
                        + missing.join(QLatin1Char('\n'))));
}

void TranslationsTest::translationsKeepTheirPlaceholders()
{
    QString error;
    const QList<Message> messages = readMessages(germanTs(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList wrong;
    for (const Message &message : messages) {
        for (const QString &translation : message.translations) {
            if (placeholders(translation) != placeholders(message.source))
                wrong.append(message.source + QStringLiteral(" -> ") + translation);
        }
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
}

void TranslationsTest::theWindowSpeaksGermanInAGermanLocale()
{
    QVERIFY(installTranslations(*QCoreApplication::instance(), QLocale(QLocale::German),
                                {translationsDir()}));

    MainWindow window{ConnectionSettings{}};
    QStringList menus;
    for (const QAction *action : window.menuBar()->actions())
        menus.append(action->text());
    QVERIFY2(menus.contains(QStringLiteral("&Datei")), qPrintable(menus.join(QLatin1Char(' '))));
    QCOMPARE(window.windowTitle(), QStringLiteral("Pipewright"));
}

QTEST_MAIN(TranslationsTest)
#include "tst_translations.moc"
