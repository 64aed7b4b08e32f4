#pragma once

#include <QThreadPool>

#include <functional>

namespace pw {

// Runs `work` on `pool` in a way ThreadSanitizer can follow (handover.h); use it instead of
// QThreadPool::start(std::function) for everything the core runs on a pool.
void startPoolTask(QThreadPool &pool, std::function<void()> work);

} // namespace pw
