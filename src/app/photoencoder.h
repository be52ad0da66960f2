#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QImage>
#include <QImageIOHandler>
#include <QSize>
#include <QString>

namespace gx {

/** A picture as a camera or a file gave it, with the turn its EXIF orientation (or the camera
 * frame's rotation) asks for before it is shown upright. */
struct CapturedImage
{
    QImage image;
    QImageIOHandler::Transformations transformation = QImageIOHandler::TransformationNone;
};

/** Why a picture could not be made into a photo. */
struct PhotoEncodeError
{
    enum class Code
    {
        Empty,    ///< no picture (a null or 0x0 image, or bytes that are no image)
        TooLarge, ///< more pixels than kMaxSourcePixels: refused before any scaling
        Encode,   ///< the JPEG writer failed
    };
    Code code = Code::Empty;
    QString message; ///< for the log (English); the UI says it in Chinese (PhotoCapture)
};

/** The photo as it is stored: JPEG bytes and the upright, scaled picture they hold. */
struct EncodedPhoto
{
    QByteArray jpeg;
    QSize size;   ///< of the stored picture
    QImage image; ///< the picture encoded (for a preview), in that size
};

/**
 * Makes a picture into the photo the device stores and uploads: turned upright (the EXIF
 * orientation or the frame's rotation applied to the pixels, so the JPEG needs none), scaled so
 * that its long side is at most kMaxLongSide pixels (aspect kept, smooth, never enlarged), put
 * on white where it has transparency, and encoded as a baseline JPEG of quality kQuality. The
 * same picture always gives the same bytes, so the same photo is one blob.
 */
class PhotoEncoder
{
public:
    static constexpr int kMaxLongSide = 1600;
    static constexpr int kQuality = 85;
    /** A camera or file with more pixels than this (20000x20000) is refused, not decoded. */
    static constexpr qint64 kMaxSourcePixels = 400'000'000;

    /** The size a picture of `size` is stored at (upright size in, scaled size out). */
    [[nodiscard]] static QSize scaledSize(const QSize &size);
    [[nodiscard]] static Result<EncodedPhoto, PhotoEncodeError>
    encode(const CapturedImage &captured);
    /** Decodes encoded bytes (JPEG, PNG, ...) with their EXIF orientation, for encode(). */
    [[nodiscard]] static Result<CapturedImage, PhotoEncodeError> decode(const QByteArray &bytes);
};

} // namespace gx
