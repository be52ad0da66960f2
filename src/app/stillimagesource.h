#pragma once

#include "app/imagesource.h"

#include <QImage>
#include <QPointer>

namespace gx {

/**
 * An ImageSource without a camera: it shows a picture it was given as the live view and
 * answers capture() with it (or, set to fail, with the failure), on the next turn of the event
 * loop as a camera would. Tests and --screenshot inject it through CameraSupport.
 */
class StillImageSource : public ImageSource
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by CameraSupport.createSource()")

public:
    explicit StillImageSource(CapturedImage picture, QObject *parent = nullptr);

    [[nodiscard]] bool isReady() const override { return m_running; }
    [[nodiscard]] QString description() const override;
    void setVideoSink(QVideoSink *sink) override;
    void start() override;
    void stop() override;
    bool capture() override;

    /** The next capture() fails with this reason ("" to capture again). */
    void setFailure(const QString &reason) { m_failure = reason; }
    void setPicture(CapturedImage picture);
    [[nodiscard]] int captureCount() const { return m_captures; }

private:
    void showFrame();

    CapturedImage m_picture;
    QPointer<QVideoSink> m_sink;
    QString m_failure;
    bool m_running = false;
    int m_captures = 0;
};

} // namespace gx
