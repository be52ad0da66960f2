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

    /** The two registry files of the screenshots (RegistryImportScreen), written by registryFiles.
     */
    struct RegistryFiles
    {
        QString clean; ///< the store's enterprises of a region as they are, one renamed, three new
        QString bad;   ///< the same with four bad rows (check character, region, size, name)
    };
    /**
     * Writes the two sample registry CSV files into dir from the enterprises of `region` in the
     * store (their registry fields as the store holds them). Returns why not, when it fails.
     */
    [[nodiscard]] static Result<RegistryFiles, QString>
    registryFiles(DeviceStore &store, const QString &region, const QString &dir);
};

} // namespace gx
