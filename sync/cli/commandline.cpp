#include "sync/cli/commandline.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace gx::server {

Result<CommandLine, UsageError> CommandLine::parse(const QStringList &words,
                                                   const QList<OptionSpec> &accepted)
{
    CommandLine line;
    bool optionsEnded = false;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString &word = words[i];
        if (optionsEnded || !word.startsWith(u'-') || word == "-"_L1) {
            line.m_positional.append(word);
            continue;
        }
        if (word == "--"_L1) {
            optionsEnded = true;
            continue;
        }
        if (!word.startsWith("--"_L1))
            return UsageError{u"unknown option '%1' (options are written --name)"_s.arg(word)};
        QString name = word.mid(2);
        QString value;
        bool inlineValue = false;
        if (const qsizetype eq = name.indexOf(u'='); eq >= 0) {
            value = name.mid(eq + 1);
            name = name.left(eq);
            inlineValue = true;
        }
        const auto spec = std::find_if(accepted.cbegin(), accepted.cend(),
                                       [&](const OptionSpec &s) { return s.name == name; });
        if (spec == accepted.cend())
            return UsageError{u"unknown option '--%1'"_s.arg(name)};
        if (line.m_values.contains(name))
            return UsageError{u"'--%1' is given twice"_s.arg(name)};
        if (spec->takesValue && !inlineValue) {
            if (i + 1 >= words.size())
                return UsageError{u"'--%1' needs a value"_s.arg(name)};
            value = words[++i];
        } else if (!spec->takesValue && inlineValue) {
            return UsageError{u"'--%1' takes no value"_s.arg(name)};
        }
        line.m_values.insert(name, value);
    }
    return line;
}

} // namespace gx::server
