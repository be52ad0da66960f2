#pragma once

#include "app/framesource.h"

#include <QImage>
#include <QTimer>

#include <functional>

namespace gx {

/**
 * A camera that films a given picture: every interval, while started, the picture `image()`
 * returns then becomes a frame (none while it returns a null image). What tests and
 * screenshots inject in place of the camera (AppEnvironment::frameSource); always available.
 */
class ImageFrameSource : public FrameSource
{
    Q_OBJECT

public:
    static constexpr int kDefaultIntervalMs = 50;

    explicit ImageFrameSource(std::function<QImage()> image, int intervalMs = kDefaultIntervalMs,
                              QObject *parent = nullptr);

    [[nodiscard]] bool isAvailable() const override { return true; }
    void start() override;
    void stop() override;

    /** The picture as a video frame (RGB, as a camera's converted frame would be). */
    [[nodiscard]] static QVideoFrame frameOf(const QImage &image);

private:
    void deliver();

    std::function<QImage()> m_image;
    QTimer m_timer;
};

} // namespace gx
