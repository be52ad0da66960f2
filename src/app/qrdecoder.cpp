#include "app/qrdecoder.h"

#include <QImage>
#include <QPainter>
#include <QVideoFrame>

#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

ZXing::DecodeHints hints()
{
    return ZXing::DecodeHints()
        .setFormats(ZXing::BarcodeFormat::QRCode)
        .setTryHarder(true)
        .setTryRotate(true)
        .setTryDownscale(true);
}

/** Reads a luminance view (pixStride bytes from one pixel to the next), then its negative
 * when nothing was found. */
Result<QString, QrDecodeError> decodeLuminance(const uint8_t *bits, int width, int height,
                                               int rowStride, int pixStride = 1)
{
    if (!bits || width <= 0 || height <= 0)
        return QrDecodeError{QrDecodeError::Code::EmptyImage, u"an empty picture"_s};
    const ZXing::ImageView view(bits, width, height, ZXing::ImageFormat::Lum, rowStride, pixStride);
    ZXing::Result found = ZXing::ReadBarcode(view, hints());
    if (!found.isValid()) {
        // Light on dark: ZXing 1.4 has no tryInvert; read the negative.
        QImage negative(width, height, QImage::Format_Grayscale8);
        for (int y = 0; y < height; ++y) {
            const uint8_t *from = bits + qsizetype(y) * rowStride;
            uchar *to = negative.scanLine(y);
            for (int x = 0; x < width; ++x)
                to[x] = uchar(255 - from[qsizetype(x) * pixStride]);
        }
        found = ZXing::ReadBarcode(ZXing::ImageView(negative.constBits(), width, height,
                                                    ZXing::ImageFormat::Lum,
                                                    int(negative.bytesPerLine())),
                                   hints());
    }
    if (!found.isValid())
        return QrDecodeError{QrDecodeError::Code::NoCode,
                             found.error() ? QString::fromStdString(found.error().msg())
                                           : u"no QR code found"_s};
    return QString::fromStdString(found.text());
}

/** Where a frame's luminance is: plane 0, its first byte's offset and the step between pixels;
 * pixStride 0 when the format has no plane of luminance. */
struct LumaLayout
{
    int offset = 0;
    int pixStride = 0;
};

LumaLayout lumaOf(QVideoFrameFormat::PixelFormat format)
{
    switch (format) {
    case QVideoFrameFormat::Format_NV12:
    case QVideoFrameFormat::Format_NV21:
    case QVideoFrameFormat::Format_YUV420P:
    case QVideoFrameFormat::Format_YUV422P:
    case QVideoFrameFormat::Format_YV12:
    case QVideoFrameFormat::Format_IMC1:
    case QVideoFrameFormat::Format_IMC2:
    case QVideoFrameFormat::Format_IMC3:
    case QVideoFrameFormat::Format_IMC4:
    case QVideoFrameFormat::Format_Y8:
        return {0, 1};
    case QVideoFrameFormat::Format_YUYV:
        return {0, 2};
    case QVideoFrameFormat::Format_UYVY:
        return {1, 2};
    default:
        return {};
    }
}

/** A copy of a luminance plane as a grey image. */
QImage lumaImage(const uint8_t *bits, int width, int height, int rowStride, int pixStride)
{
    QImage image(width, height, QImage::Format_Grayscale8);
    for (int y = 0; y < height; ++y) {
        const uint8_t *from = bits + qsizetype(y) * rowStride;
        uchar *to = image.scanLine(y);
        for (int x = 0; x < width; ++x)
            to[x] = from[qsizetype(x) * pixStride];
    }
    return image;
}

} // namespace

Result<QString, QrDecodeError> QrDecoder::decode(const QImage &image)
{
    if (image.isNull() || image.width() <= 0 || image.height() <= 0)
        return QrDecodeError{QrDecodeError::Code::EmptyImage, u"an empty picture"_s};
    QImage gray =
        image.width() > kMaxSide || image.height() > kMaxSide
            ? image.scaled(kMaxSide, kMaxSide, Qt::KeepAspectRatio, Qt::SmoothTransformation)
            : image;
    if (gray.hasAlphaChannel()) { // transparent pixels read as white, not black
        QImage opaque(gray.size(), QImage::Format_RGB32);
        opaque.fill(Qt::white);
        QPainter(&opaque).drawImage(0, 0, gray);
        gray = opaque;
    }
    gray = gray.convertToFormat(QImage::Format_Grayscale8);
    return decodeLuminance(gray.constBits(), gray.width(), gray.height(), int(gray.bytesPerLine()));
}

Result<QString, QrDecodeError> QrDecoder::decode(const QVideoFrame &frame)
{
    if (!frame.isValid())
        return QrDecodeError{QrDecodeError::Code::EmptyImage, u"an invalid frame"_s};
    // Read the mapped bytes where the format allows: QVideoFrame::toImage() may convert through
    // the GPU, which is the GUI thread's, and this runs on a worker.
    const QVideoFrameFormat::PixelFormat format = frame.pixelFormat();
    const LumaLayout luma = lumaOf(format);
    const QImage::Format imageFormat = QVideoFrameFormat::imageFormatFromPixelFormat(format);
    if (luma.pixStride > 0 || imageFormat != QImage::Format_Invalid ||
        format == QVideoFrameFormat::Format_Jpeg) {
        QVideoFrame mapped = frame; // shares the buffer; the copy is mapped, not the caller's
        if (!mapped.map(QVideoFrame::ReadOnly))
            return QrDecodeError{QrDecodeError::Code::EmptyImage, u"the frame does not map"_s};
        Result<QString, QrDecodeError> read =
            QrDecodeError{QrDecodeError::Code::EmptyImage, u"an empty frame"_s};
        if (luma.pixStride > 0 && mapped.width() <= kMaxSide && mapped.height() <= kMaxSide)
            read = decodeLuminance(mapped.bits(0) + luma.offset, mapped.width(), mapped.height(),
                                   mapped.bytesPerLine(0), luma.pixStride);
        else if (imageFormat != QImage::Format_Invalid)
            read = decode(QImage(mapped.bits(0), mapped.width(), mapped.height(),
                                 mapped.bytesPerLine(0), imageFormat));
        else if (format == QVideoFrameFormat::Format_Jpeg)
            read = decode(QImage::fromData(mapped.bits(0), mapped.mappedBytes(0)));
        else if (luma.pixStride > 0) // a large frame: its luminance as an image, scaled down
            read = decode(lumaImage(mapped.bits(0) + luma.offset, mapped.width(), mapped.height(),
                                    mapped.bytesPerLine(0), luma.pixStride));
        mapped.unmap();
        return read;
    }
    return decode(frame.toImage());
}

} // namespace gx
