#pragma once

#include "core/result.h"

#include <QString>

class QImage;
class QVideoFrame;

namespace gx {

/** Why no QR code was read from a picture. */
struct QrDecodeError
{
    enum class Code
    {
        EmptyImage, ///< a null or zero-sized picture (a frame that does not map)
        NoCode,     ///< no readable QR code in it (none, cut off, too blurred)
    };
    Code code = Code::NoCode;
    QString message; ///< technical detail, for logs
};

/**
 * Reads the one QR code of a picture (ZXing-cpp 1.4): QR only, trying harder, in any of the four
 * rotations, dark on light and then light on dark (a code shown inverted on a screen). A picture
 * whose long side is above kMaxSide pixels is scaled down to it first, so a 4K frame costs what a
 * 2K one does. Pure and thread-safe: the scanner runs it off the GUI thread.
 */
class QrDecoder
{
public:
    static constexpr int kMaxSide = 2048;

    /** The text of the QR code (UTF-8 decoded), or why there is none. */
    [[nodiscard]] static Result<QString, QrDecodeError> decode(const QImage &image);
    /** The same for a camera frame: its luminance plane where it has one (NV12, YUV420P, ...),
     * else the frame converted to an image. */
    [[nodiscard]] static Result<QString, QrDecodeError> decode(const QVideoFrame &frame);
};

} // namespace gx
