#pragma once

#include "app/imagesource.h"

#include <QCamera>
#include <QCameraDevice>
#include <QImageCapture>
#include <QMediaCaptureSession>

namespace gx {

/**
 * The device's camera as an ImageSource: a QCamera and a QImageCapture in one
 * QMediaCaptureSession, the live picture in the screen's video sink. A still arrives through
 * QImageCapture::imageAvailable as a QVideoFrame; its rotation and mirroring (how the sensor
 * sits in the phone) become the picture's transformation, which PhotoEncoder applies. Errors of
 * the camera or of the capture are failed() with the reason in Chinese.
 */
class CameraImageSource : public ImageSource
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by CameraSupport.createSource()")

public:
    explicit CameraImageSource(const QCameraDevice &device, QObject *parent = nullptr);

    [[nodiscard]] bool isReady() const override;
    [[nodiscard]] QString description() const override;
    void setVideoSink(QVideoSink *sink) override;
    void start() override;
    void stop() override;
    bool capture() override;

private:
    QCameraDevice m_device;
    QCamera m_camera;
    QImageCapture m_imageCapture;
    QMediaCaptureSession m_session;
    int m_pending = -1; ///< the id of the capture asked for, -1 when none
};

} // namespace gx
