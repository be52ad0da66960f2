#pragma once

#include "app/framesource.h"

#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QVideoSink>

#include <memory>

class QCamera;

namespace gx {

/**
 * The frames of the device's default camera (Qt Multimedia: a QCamera in a
 * QMediaCaptureSession whose QVideoSink hands each frame on). Available while QMediaDevices
 * lists a video input; the camera opens at start() and closes at stop(). A camera that fails or
 * is refused says so through failed(), in the UI language.
 */
class CameraFrameSource : public FrameSource
{
    Q_OBJECT

public:
    explicit CameraFrameSource(QObject *parent = nullptr);
    ~CameraFrameSource() override;

    [[nodiscard]] bool isAvailable() const override;
    void start() override;
    void stop() override;

private:
    QMediaDevices m_devices;
    QMediaCaptureSession m_capture;
    QVideoSink m_sink;
    std::unique_ptr<QCamera> m_camera;
};

} // namespace gx
