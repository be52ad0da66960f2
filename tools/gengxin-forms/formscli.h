#pragma once

#include <QStringList>

namespace gx {

/**
 * The `gengxin-forms` command line: `check`, `validate` and `figures` over the survey core,
 * for authors of the survey definition and for the README's run command. Prints to stdout,
 * problems to stderr; returns the process exit status (0 ok, 1 the input has errors, 2 usage).
 */
[[nodiscard]] int runFormsCli(const QStringList &arguments);

} // namespace gx
