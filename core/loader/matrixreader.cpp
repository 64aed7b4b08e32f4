#include "matrixreader.h"

#include "limits.h"
#include "values.h"

namespace pw::loader {

namespace {

std::optional<MatrixDimension> readDimension(YamlReader &reader, const MapEntry &entry)
{
    if (!isEnvironmentName(entry.key)) {
        reader.errorAtKey(entry, QStringLiteral("'%1' is not a valid matrix dimension name; %2")
                                     .arg(entry.key, environmentNameRule()));
        return std::nullopt;
    }
    const std::optional<QList<TextItem>> items = readTextItems(reader, entry);
    if (!items)
        return std::nullopt;
    if (items->isEmpty()) {
        reader.errorAtValue(entry,
                            QStringLiteral("matrix dimension '%1' has no values").arg(entry.key));
        return std::nullopt;
    }

    MatrixDimension dimension{entry.key, {}};
    for (const TextItem &item : *items) {
        if (dimension.values.contains(item.text)) {
            reader.warning(item.node, QStringLiteral("'%1' is listed twice in matrix "
                                                     "dimension '%2'")
                                          .arg(item.text, entry.key));
            continue;
        }
        dimension.values.append(item.text);
    }
    return dimension;
}

} // namespace

std::optional<Matrix> readMatrix(YamlReader &reader, const MapEntry &entry, const QString &where)
{
    if (!entry.value.isMap()) {
        reader.errorAtValue(entry, QStringLiteral("'matrix' must be a map of names to lists of "
                                                  "values, got %1")
                                       .arg(describe(entry.value)));
        return std::nullopt;
    }

    MatrixGroup group;
    bool valid = true;
    for (const MapEntry &dimensionEntry : reader.entries(entry.value, {}, QString())) {
        const std::optional<MatrixDimension> dimension = readDimension(reader, dimensionEntry);
        valid = valid && dimension.has_value();
        if (dimension)
            group.append(*dimension);
    }
    if (!valid)
        return std::nullopt;

    if (group.isEmpty()) {
        reader.errorAtValue(entry, QStringLiteral("the matrix of %1 is empty; give it at least "
                                                  "one dimension")
                                       .arg(where));
        return std::nullopt;
    }
    const Matrix matrix{group};
    // Counted up to a large cap so that the message can say how far over the limit it is.
    const qint64 count = matrixInstanceCount(matrix, 1'000'000'000);
    if (count > maxMatrixInstances) {
        reader.errorAtValue(entry, QStringLiteral("the matrix of %1 expands to %2 instances; at "
                                                  "most %3 are allowed")
                                       .arg(where)
                                       .arg(count > 1'000'000'000 ? QStringLiteral("too many")
                                                                  : QString::number(count))
                                       .arg(maxMatrixInstances));
        return std::nullopt;
    }
    return matrix;
}

qint64 matrixInstanceCount(const Matrix &matrix, qint64 cap)
{
    qint64 total = 0;
    for (const MatrixGroup &group : matrix) {
        qint64 product = 1;
        for (const MatrixDimension &dimension : group)
            product = std::min(product * dimension.values.size(), cap + 1);
        total = std::min(total + product, cap + 1);
    }
    return total;
}

} // namespace pw::loader
