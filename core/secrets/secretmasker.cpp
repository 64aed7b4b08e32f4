#include "secretmasker.h"

#include <algorithm>
#include <deque>

namespace pw {

namespace {

// Past this many transitions (4 bytes each) the table would cost more memory than the
// speed is worth; the failure links do the same work a little slower.
constexpr qsizetype maxTableEntries = 16 * 1024 * 1024;

bool isBlank(const QByteArray &line)
{
    return std::all_of(line.cbegin(), line.cend(), [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
    });
}

// The lines of each value that are looked for.
QList<QByteArray> patternsOf(const QList<QByteArray> &values)
{
    QList<QByteArray> patterns;
    for (const QByteArray &value : values) {
        for (QByteArray line : value.split('\n')) {
            if (line.endsWith('\r'))
                line.chop(1);
            if (!isBlank(line))
                patterns.append(line);
        }
    }
    return patterns;
}

// Adds [start, end) to `covered`, merging it with the stretches it overlaps or touches (two
// masks side by side would show where one secret ends). Stretches are added by increasing
// end, so only the last ones can meet a new one.
void cover(std::vector<std::pair<qsizetype, qsizetype>> &covered, qsizetype start, qsizetype end)
{
    while (!covered.empty() && covered.back().second >= start) {
        start = std::min(start, covered.back().first);
        covered.pop_back();
    }
    covered.emplace_back(start, end);
}

} // namespace

SecretMasker::SecretMasker(const QList<QByteArray> &values)
{
    build(values);
}

SecretMasker::SecretMasker(const SecretValues &values)
{
    build(values.values());
}

void SecretMasker::build(const QList<QByteArray> &values)
{
    const QList<QByteArray> patterns = patternsOf(values);
    for (const QByteArray &pattern : patterns) {
        for (const char c : pattern) {
            int &byteClass = m_classOf[quint8(c)];
            if (byteClass == 0)
                byteClass = m_classes++;
        }
    }
    for (const QByteArray &pattern : patterns)
        addPattern(pattern);
    linkFailures();
    buildTable();
}

void SecretMasker::addPattern(const QByteArray &pattern)
{
    int state = 0;
    for (const char c : pattern) {
        const int byteClass = m_classOf[quint8(c)];
        int next = child(state, byteClass);
        if (next == 0) {
            next = int(m_children.size());
            m_children[state].push_back({byteClass, next});
            m_children.emplace_back();
            m_depth.push_back(m_depth[state] + 1);
            m_failure.push_back(0);
            m_longest.push_back(0);
        }
        state = next;
    }
    m_longest[state] = m_depth[state];
}

void SecretMasker::linkFailures()
{
    // Breadth first, so that a state's failure (a shorter suffix) is linked before it.
    std::deque<int> queue;
    for (const Edge &edge : m_children[0])
        queue.push_back(edge.target);
    while (!queue.empty()) {
        const int state = queue.front();
        queue.pop_front();
        if (m_longest[state] == 0)
            m_longest[state] = m_longest[m_failure[state]];

        for (const Edge &edge : m_children[state]) {
            int fallback = m_failure[state];
            while (fallback != 0 && child(fallback, edge.byteClass) == 0)
                fallback = m_failure[fallback];
            m_failure[edge.target] = child(fallback, edge.byteClass);
            queue.push_back(edge.target);
        }
    }
}

void SecretMasker::buildTable()
{
    const qsizetype states = qsizetype(m_children.size());
    if (states <= 1 || states * m_classes > maxTableEntries)
        return;

    // A state's row starts from its failure's row, so failures must be filled first: they
    // are shallower, hence the order by depth.
    std::vector<int> order(m_children.size());
    for (int state = 0; state < int(states); ++state)
        order[state] = state;
    std::stable_sort(order.begin(), order.end(),
                     [this](int a, int b) { return m_depth[a] < m_depth[b]; });

    std::vector<int> next(states * m_classes, 0);
    for (const int state : order) {
        int *row = next.data() + qsizetype(state) * m_classes;
        if (state != 0) {
            const int *failureRow = next.data() + qsizetype(m_failure[state]) * m_classes;
            std::copy(failureRow, failureRow + m_classes, row);
        }
        for (const Edge &edge : m_children[state])
            row[edge.byteClass] = edge.target;
    }

    // Entries hold where the next state's row starts, so mask() need not multiply, and are
    // negative when a secret ends in that state, so it tests one value per byte.
    m_table.resize(next.size());
    for (qsizetype i = 0; i < qsizetype(next.size()); ++i) {
        const int target = next[i];
        const int row = target * m_classes;
        m_table[i] = m_longest[target] != 0 ? -row - 1 : row;
    }
}

int SecretMasker::child(int state, int byteClass) const
{
    for (const Edge &edge : m_children[state]) {
        if (edge.byteClass == byteClass)
            return edge.target;
    }
    return 0;
}

int SecretMasker::step(int state, int byteClass) const
{
    while (true) {
        if (const int next = child(state, byteClass); next != 0 || state == 0)
            return next;
        state = m_failure[state];
    }
}

QByteArray SecretMasker::mask(const QByteArray &lines) const
{
    if (isEmpty())
        return lines;

    // Find the stretches secrets cover, in one pass; the loop with the table is the one that
    // runs for nearly every job, so it touches nothing but plain arrays.
    std::vector<std::pair<qsizetype, qsizetype>> covered;
    const auto *bytes = reinterpret_cast<const quint8 *>(lines.constData());
    const qsizetype size = lines.size();
    const int *classOf = m_classOf.data();
    const int *longest = m_longest.data();
    int state = 0;
    if (!m_table.empty()) {
        const int *table = m_table.data();
        int row = 0;
        for (qsizetype i = 0; i < size; ++i) {
            row = table[row + classOf[bytes[i]]];
            if (row < 0) {
                row = -row - 1;
                cover(covered, i + 1 - longest[row / m_classes], i + 1);
            }
        }
    } else {
        for (qsizetype i = 0; i < size; ++i) {
            state = step(state, classOf[bytes[i]]);
            if (longest[state] != 0)
                cover(covered, i + 1 - longest[state], i + 1);
        }
    }
    if (covered.empty())
        return lines;

    // Copy the rest around them.
    QByteArray masked;
    masked.reserve(size);
    qsizetype copied = 0;
    const char *text = lines.constData();
    for (const auto &[start, end] : covered) {
        masked.append(text + copied, start - copied);
        masked.append(replacement());
        copied = end;
    }
    masked.append(text + copied, size - copied);
    return masked;
}

} // namespace pw
