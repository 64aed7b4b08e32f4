#pragma once

#include "core/util/result.h"

#include <QString>

namespace pw::files {

enum class PlacedBy { HardLink, Reflink, Copy };

// Files are read and written through buffers of this size: few system calls per file.
constexpr qsizetype ioBufferSize = 1024 * 1024;

// Copies the open file `source` into the empty open file `target`: a reflink where the file
// system supports it (instant, copy-on-write), else in the kernel, else through a buffer.
Result<PlacedBy> copyContent(int source, int target);

// Copies the regular file `from` to the new file `to` (which must not exist) the same way.
Result<PlacedBy> copyFile(const QString &from, const QString &to, bool executable);

} // namespace pw::files
