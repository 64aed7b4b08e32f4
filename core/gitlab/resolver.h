#pragma once

#include "document.h"

namespace pw::gitlab {

// The top-level keys of a GitLab CI file that are not jobs.
const QStringList &reservedTopLevelKeys();

// `over` merged into `base` as GitLab merges extends and includes: maps key by key, at
// every depth; any other value of `over` replaces that of `base` whole.
DocNode deepMerge(const DocNode &base, const DocNode &over);

struct ResolveInput
{
    // The project's folder: `include: local` paths are relative to it.
    QString projectDirectory;
    loader::DiagnosticSink &sink;
    NodeBudget &budget;
};

// Reads every `include:` of `root` (local files, and included files' own includes) and
// merges them under it: the including file wins. Other kinds of include are reported and
// left out.
DocNode resolveIncludes(const DocNode &root, const ResolveInput &input);

// Replaces each `!reference [job, key, ...]` by a copy of what it names, at most
// maxReferenceDepth references deep.
DocNode resolveReferences(const DocNode &root, const ResolveInput &input);

// Resolves `extends:` of every top-level job: its parents (at most maxExtendsDepth levels
// above it) deep-merged in order, then the job's own keys. The `extends` keys are removed.
DocNode resolveExtends(const DocNode &root, const ResolveInput &input);

inline constexpr int maxIncludeDepth = 100;
inline constexpr int maxIncludedFiles = 150;
inline constexpr int maxReferenceDepth = 10;
inline constexpr int maxExtendsDepth = 11;

} // namespace pw::gitlab
