#include "app/stillimagesource.h"

#include <QTimer>
#include <QVideoFrame>
#include <QVideoFrameFormat>

#include <cstring>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

/** The picture as a video frame (Qt 6.4 has no QVideoFrame(QImage)). */
QVideoFrame frameOf(const QImage &picture)
{
    const QImage image = picture.convertToFormat(QImage::Format_RGBA8888);
    QVideoFrame frame(QVideoFrameFormat(image.size(), QVideoFrameFormat::Format_RGBA8888));
    if (!frame.map(QVideoFrame::WriteOnly))
        return {};
    const int rowBytes = qMin(frame.bytesPerLine(0), int(image.bytesPerLine()));
    for (int y = 0; y < image.height(); ++y)
        std::memcpy(frame.bits(0) + qsizetype(y) * frame.bytesPerLine(0), image.constScanLine(y),
                    size_t(rowBytes));
    frame.unmap();
    return frame;
}

} // namespace

StillImageSource::StillImageSource(CapturedImage picture, QObject *parent)
    : ImageSource(parent)
    , m_picture(std::move(picture))
{}

QString StillImageSource::description() const
{
    return u"still picture %1x%2"_s.arg(m_picture.image.width()).arg(m_picture.image.height());
}

void StillImageSource::setVideoSink(QVideoSink *sink)
{
    m_sink = sink;
    if (m_running)
        showFrame();
}

void StillImageSource::start()
{
    if (m_running)
        return;
    m_running = true;
    showFrame();
    emit readyChanged();
}

void StillImageSource::stop()
{
    if (!m_running)
        return;
    m_running = false;
    emit readyChanged();
}

bool StillImageSource::capture()
{
    if (!m_running)
        return false;
    ++m_captures;
    QTimer::singleShot(0, this, [this, failure = m_failure, picture = m_picture] {
        if (failure.isEmpty())
            emit captured(picture);
        else
            emit failed(failure);
    });
    return true;
}

void StillImageSource::setPicture(CapturedImage picture)
{
    m_picture = std::move(picture);
    if (m_running)
        showFrame();
}

void StillImageSource::showFrame()
{
    if (m_sink && !m_picture.image.isNull())
        m_sink->setVideoFrame(frameOf(m_picture.image));
}

} // namespace gx
