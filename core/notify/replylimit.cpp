#include "replylimit.h"

namespace pw {

void RedisReplyLimit::install(redisReader *reader)
{
    // The reader's own functions are kept for everything but the check, so the replies it
    // builds stay what freeReplyObject() expects.
    m_functions = *reader->fn;
    m_defaultCreateArray = reader->fn->createArray;
    m_functions.createArray = &RedisReplyLimit::createArray;
    reader->fn = &m_functions;
    reader->privdata = this;
    m_elements = 0;
    m_refusal.clear();
}

void *RedisReplyLimit::createArray(const redisReadTask *task, int elements)
{
    auto *self = static_cast<RedisReplyLimit *>(task->privdata);

    // An array with no parent starts a new reply.
    self->m_elements = task->parent ? self->m_elements + elements : elements;
    if (self->m_elements > maxElements) {
        self->m_refusal = QStringLiteral("it sent a reply of %1 elements, more than the %2 "
                                         "accepted")
                              .arg(self->m_elements)
                              .arg(maxElements);
        return nullptr; // hiredis takes this for a failed allocation and stops reading
    }
    return self->m_defaultCreateArray(task, elements);
}

} // namespace pw
