#pragma once

#include "core/result.h"

#include <QSize>
#include <QString>

#include <optional>

class QImage;

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

    /**
     * What a camera held over the office's screen sees: a QR code of `text` (QrCodeItem's
     * modules) on a white card a little turned, on a desk, `size` large; for the scan screen's
     * screenshots and tests (ImageFrameSource). Not `sharp`: out of focus, as while the camera
     * still focuses (too blurred to read).
     */
    [[nodiscard]] static QImage qrPhoto(const QString &text, QSize size = QSize(960, 720),
                                        bool sharp = true);
};

} // namespace gx
