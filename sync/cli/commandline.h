#pragma once

#include "core/result.h"

#include <QHash>
#include <QList>
#include <QStringList>

namespace gx::server {

/** An option a command accepts: `--name VALUE` (or `--name=VALUE`) or a switch `--name`. */
struct OptionSpec
{
    QString name; ///< without the dashes
    bool takesValue = true;
};

/** Why a command line is refused: a sentence for the usage message (exit status 2). */
struct UsageError
{
    QString message;
};

/**
 * The words after a command (e.g. after `user add`): positional arguments and options, checked
 * against what the command accepts. Unknown options, a missing value and repeated options are
 * errors; `--` ends the options.
 */
class CommandLine
{
public:
    [[nodiscard]] static Result<CommandLine, UsageError> parse(const QStringList &words,
                                                               const QList<OptionSpec> &accepted);

    [[nodiscard]] const QStringList &positional() const { return m_positional; }
    [[nodiscard]] bool has(const QString &name) const { return m_values.contains(name); }
    [[nodiscard]] QString value(const QString &name) const { return m_values.value(name); }

private:
    QStringList m_positional;
    QHash<QString, QString> m_values;
};

} // namespace gx::server
