#include "app/imageframesource.h"

#include <QVideoFrameFormat>

#include <cstring>

namespace gx {

ImageFrameSource::ImageFrameSource(std::function<QImage()> image, int intervalMs, QObject *parent)
    : FrameSource(parent)
    , m_image(std::move(image))
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ImageFrameSource::deliver);
}

void ImageFrameSource::start()
{
    if (m_timer.isActive())
        return;
    m_timer.start();
    deliver();
}

void ImageFrameSource::stop()
{
    m_timer.stop();
}

void ImageFrameSource::deliver()
{
    const QImage image = m_image ? m_image() : QImage();
    if (image.isNull())
        return;
    const QVideoFrame frame = frameOf(image);
    if (frame.isValid())
        emit frameArrived(frame);
}

QVideoFrame ImageFrameSource::frameOf(const QImage &image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGBX8888);
    QVideoFrame frame(QVideoFrameFormat(rgb.size(), QVideoFrameFormat::Format_RGBX8888));
    if (!frame.map(QVideoFrame::WriteOnly))
        return {};
    const qsizetype row = qMin<qsizetype>(rgb.bytesPerLine(), frame.bytesPerLine(0));
    for (int y = 0; y < rgb.height(); ++y)
        std::memcpy(frame.bits(0) + qsizetype(y) * frame.bytesPerLine(0), rgb.constScanLine(y),
                    size_t(row));
    frame.unmap();
    return frame;
}

} // namespace gx
