#pragma once

#include <QString>

namespace pw {

// What the last failed system call left in errno, in the user's language (strerror).
QString systemErrorText();

} // namespace pw
