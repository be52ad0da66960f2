#include "core/textcheck.h"

using namespace Qt::StringLiterals;

namespace gx {

namespace {

bool isRefusedControl(char16_t u)
{
    if (u == u'\t' || u == u'\n' || u == u'\r')
        return false;
    return u < 0x20 || (u >= 0x7f && u <= 0x9f);
}

} // namespace

std::optional<TextProblem> textProblem(QStringView text, qsizetype maxLength)
{
    if (maxLength >= 0 && text.size() > maxLength)
        return TextProblem::TooLong;
    for (QChar c : text) {
        if (c.unicode() == 0)
            return TextProblem::Nul;
        if (isRefusedControl(c.unicode()))
            return TextProblem::Control;
    }
    if (!text.isValidUtf16())
        return TextProblem::LoneSurrogate;
    return std::nullopt;
}

QString textProblemMessage(QStringView text, TextProblem problem, qsizetype maxLength)
{
    switch (problem) {
    case TextProblem::TooLong:
        return u"longer than %1 characters"_s.arg(maxLength);
    case TextProblem::Nul:
        return u"contains U+0000"_s;
    case TextProblem::LoneSurrogate:
        return u"contains an unpaired surrogate"_s;
    case TextProblem::Control:
        for (QChar c : text) {
            if (isRefusedControl(c.unicode()) && c.unicode() != 0)
                return u"contains a control character (U+%1)"_s.arg(
                    QString::number(c.unicode(), 16).toUpper().rightJustified(4, u'0'));
        }
        return u"contains a control character"_s;
    }
    return {};
}

} // namespace gx
