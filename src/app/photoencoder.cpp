#include "app/photoencoder.h"

#include <QBuffer>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

QImage upright(const QImage &image, QImageIOHandler::Transformations t)
{
    if (t == QImageIOHandler::TransformationNone)
        return image;
    // The order QImageReader's autoTransform uses: mirror, flip, then rotate by 90.
    QImage out = image;
    if (t & QImageIOHandler::TransformationMirror)
        out = out.mirrored(true, false);
    if (t & QImageIOHandler::TransformationFlip)
        out = out.mirrored(false, true);
    if (t & QImageIOHandler::TransformationRotate90)
        out = out.transformed(QTransform().rotate(90));
    return out;
}

/** The picture as 24-bit RGB with any transparency flattened onto white. */
QImage opaque(const QImage &image)
{
    if (!image.hasAlphaChannel())
        return image.convertToFormat(QImage::Format_RGB888);
    QImage out(image.size(), QImage::Format_RGB888);
    out.fill(Qt::white);
    QPainter p(&out);
    p.drawImage(0, 0, image);
    p.end();
    return out;
}

} // namespace

QSize PhotoEncoder::scaledSize(const QSize &size)
{
    const int longSide = qMax(size.width(), size.height());
    if (longSide <= kMaxLongSide || size.isEmpty())
        return size;
    const double f = double(kMaxLongSide) / longSide;
    return {qMax(1, qRound(size.width() * f)), qMax(1, qRound(size.height() * f))};
}

Result<EncodedPhoto, PhotoEncodeError> PhotoEncoder::encode(const CapturedImage &captured)
{
    const QImage &source = captured.image;
    if (source.isNull() || source.width() <= 0 || source.height() <= 0)
        return PhotoEncodeError{PhotoEncodeError::Code::Empty, u"the camera gave no picture"_s};
    if (qint64(source.width()) * source.height() > kMaxSourcePixels) {
        return PhotoEncodeError{
            PhotoEncodeError::Code::TooLarge,
            u"a picture of %1x%2 is too large"_s.arg(source.width()).arg(source.height())};
    }
    QImage image = upright(source, captured.transformation);
    const QSize target = scaledSize(image.size());
    if (target != image.size())
        image = image.scaled(target, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    image = opaque(image);
    if (image.isNull())
        return PhotoEncodeError{PhotoEncodeError::Code::Encode, u"out of memory scaling"_s};

    EncodedPhoto photo;
    QBuffer buffer(&photo.jpeg);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(kQuality);
    writer.setOptimizedWrite(true);
    if (!writer.write(image) || photo.jpeg.isEmpty()) {
        return PhotoEncodeError{PhotoEncodeError::Code::Encode,
                                u"the JPEG writer failed: %1"_s.arg(writer.errorString())};
    }
    photo.size = image.size();
    photo.image = std::move(image);
    return photo;
}

Result<CapturedImage, PhotoEncodeError> PhotoEncoder::decode(const QByteArray &bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(false);
    const QSize size = reader.size();
    if (size.isValid() && qint64(size.width()) * size.height() > kMaxSourcePixels) {
        return PhotoEncodeError{
            PhotoEncodeError::Code::TooLarge,
            u"a picture of %1x%2 is too large"_s.arg(size.width()).arg(size.height())};
    }
    CapturedImage captured;
    captured.transformation = reader.transformation();
    captured.image = reader.read();
    if (captured.image.isNull()) {
        return PhotoEncodeError{PhotoEncodeError::Code::Empty,
                                u"not a picture: %1"_s.arg(reader.errorString())};
    }
    return captured;
}

} // namespace gx
