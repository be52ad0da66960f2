#pragma once

#include <QJsonObject>
#include <QLatin1StringView>
#include <QString>

#include <initializer_list>
#include <optional>

/**
 * Internal to gengxin_core (not part of its API; include it only from src/core): the one check
 * of which members a JSON object may carry, shared by the strict readers of the sync codec and
 * of the survey definition so that both refuse unknown members by the same rule.
 */
namespace gx::detail {

/**
 * The first member of object, in QJsonObject's (sorted) order, that is named in neither list,
 * or nothing when every member is known. Two lists so that a caller can pass e.g. required and
 * optional names, or its own names and ones every object may carry, without joining them.
 */
[[nodiscard]] std::optional<QString>
firstUnknownMember(const QJsonObject &object, std::initializer_list<QLatin1StringView> allowed,
                   std::initializer_list<QLatin1StringView> alsoAllowed = {});

} // namespace gx::detail
