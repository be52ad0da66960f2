#pragma once

#include "core/result.h"

#include <QString>

#include <optional>

namespace gx {

class DeviceStore;

/**
 * A small sample written through the store as local edits, for --self-test runs without a data
 * directory: a few enterprises of one county, a survey of the period with equipment rows and
 * key processes, one of them submitted.
 */
class SampleData
{
public:
    /** Seeds the store; returns a readable error, or nothing. */
    [[nodiscard]] static Status<QString> seed(DeviceStore &store, const QString &region,
                                              int period);
};

} // namespace gx
