#pragma once

#include <QList>
#include <QString>

namespace pw::files {

// One file of an artifact set or a cache entry: its name relative to the folder it came
// from, and either the digest of its content or, for a symbolic link, the link's text.
struct FileEntry
{
    QString path;
    qint64 size = 0;
    QString digest; // SHA-256 in hex; empty for a symbolic link
    bool executable = false;
    QString linkTarget; // non-empty for a symbolic link

    bool isLink() const { return !linkTarget.isEmpty(); }
};

using Manifest = QList<FileEntry>;

qint64 totalSize(const Manifest &files);

} // namespace pw::files
