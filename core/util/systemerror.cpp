#include "core/util/systemerror.h"

#include <cerrno>
#include <cstring>

namespace pw {

QString systemErrorText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

} // namespace pw
