#include "core/jsonmembers.h"

#include <algorithm>

namespace gx::detail {

std::optional<QString> firstUnknownMember(const QJsonObject &object,
                                          std::initializer_list<QLatin1StringView> allowed,
                                          std::initializer_list<QLatin1StringView> alsoAllowed)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        const auto named = [&key](QLatin1StringView name) {
            return key == name;
        };
        if (std::none_of(allowed.begin(), allowed.end(), named) &&
            std::none_of(alsoAllowed.begin(), alsoAllowed.end(), named))
            return key;
    }
    return std::nullopt;
}

} // namespace gx::detail
