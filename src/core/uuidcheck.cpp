#include "core/uuidcheck.h"

namespace gx {

std::optional<UuidProblem> uuidProblem(QStringView text)
{
    if (text.size() != 36)
        return UuidProblem::Shape;
    bool allZero = true;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t u = text.at(i).unicode();
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? u != u'-' : !((u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f')))
            return UuidProblem::Shape;
        allZero = allZero && (dash || u == u'0');
    }
    if (allZero)
        return UuidProblem::Nil;
    return std::nullopt;
}

} // namespace gx
