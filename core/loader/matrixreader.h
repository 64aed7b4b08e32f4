#pragma once

#include "core/model/pipeline.h"
#include "yamlreader.h"

namespace pw::loader {

// Reads a `matrix:` map of dimension names to lists of values (numbers and booleans are
// read as texts; one value stands for a list of one) into a matrix of one group, and
// checks that it expands to between 1 and maxMatrixInstances instances.
std::optional<Matrix> readMatrix(YamlReader &reader, const MapEntry &entry, const QString &where);

// The number of instances a matrix expands to, or `cap + 1` when it is more than `cap`.
qint64 matrixInstanceCount(const Matrix &matrix, qint64 cap);

} // namespace pw::loader
