#pragma once

#include <QStringView>

#include <optional>

/**
 * The one test of a record or mutation id: a canonical UUID (lower-case hex digits 8-4-4-4-12,
 * as QUuid::WithoutBraces writes them) that is not the nil UUID. The survey validator, the sync
 * codec and the server's push all call it, so that a device and the server agree on what an id is.
 */
namespace gx {

enum class UuidProblem
{
    Shape, ///< not 36 characters of lower-case hex in 8-4-4-4-12
    Nil    ///< 00000000-0000-0000-0000-000000000000
};

/** Why `text` is not an id, or nothing when it is one. */
[[nodiscard]] std::optional<UuidProblem> uuidProblem(QStringView text);

/** Whether `text` is an id: a canonical UUID and not the nil one. */
[[nodiscard]] inline bool isCanonicalUuid(QStringView text)
{
    return !uuidProblem(text);
}

} // namespace gx
