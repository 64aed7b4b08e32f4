#include "commandline.h"
#include "commands.h"
#include "core/gitlab/nativewriter.h"
#include "output.h"

#include <QSaveFile>

namespace pw::cli {

int convertCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Write a pipeline file (a .gitlab-ci.yml) as a native Pipewright "
                       "pipeline. What the native format cannot say is listed on stderr and "
                       "as comments at the top of the output."));
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The pipeline file."));
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      QStringLiteral("Write to this file instead of stdout."),
                      QStringLiteral("file")});
    addFormatOption(parser);
    bool help = false;
    if (!parseArguments(parser, QStringLiteral("convert"), arguments, &help))
        return help ? ExitOk : ExitUsage;
    if (parser.positionalArguments().size() != 1)
        return usageError(QStringLiteral("convert takes one pipeline file"));

    const LoadResult loaded = loadPipelineReporting(parser.positionalArguments().constFirst(),
                                                    parser.value(QStringLiteral("format")));
    if (!loaded.ok())
        return ExitUsage;
    QStringList notes;
    const QByteArray text = writeNativePipeline(*loaded.pipeline, &notes);
    for (const QString &note : std::as_const(notes))
        err() << "pwctl: convert: not converted: " << note << Qt::endl;

    if (!parser.isSet(QStringLiteral("output"))) {
        out() << QString::fromUtf8(text);
        out().flush();
        return ExitOk;
    }
    QSaveFile file(parser.value(QStringLiteral("output")));
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
        return usageError(
            QStringLiteral("cannot write '%1': %2").arg(file.fileName(), file.errorString()));
    }
    return ExitOk;
}

} // namespace pw::cli
