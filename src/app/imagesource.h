#pragma once

#include "app/photoencoder.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QVideoSink>
#include <QtQml/qqmlregistration.h>

namespace gx {

/**
 * Where the capture screen's pictures come from: the device's camera (CameraImageSource) or, in
 * tests, screenshots and on machines without a camera, a picture handed in (StillImageSource).
 * PhotoCapture drives it: start() shows the live picture in the video sink, capture() asks for
 * one still, which arrives as captured() or as failed() with the reason, never both.
 */
class ImageSource : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by CameraSupport.createSource()")
    /** Whether capture() may be called now (the camera is running and not busy). */
    Q_PROPERTY(bool ready READ isReady NOTIFY readyChanged)
    /** What the camera is, for the screen (e.g. its description). */
    Q_PROPERTY(QString description READ description CONSTANT)

public:
    explicit ImageSource(QObject *parent = nullptr);

    [[nodiscard]] virtual bool isReady() const = 0;
    [[nodiscard]] virtual QString description() const = 0;
    /** The live picture goes to this sink (VideoOutput's videoSink), null for none. */
    virtual void setVideoSink(QVideoSink *sink) = 0;
    virtual void start() = 0;
    virtual void stop() = 0;
    /** Asks for one still picture; false when it cannot now (not ready). */
    virtual bool capture() = 0;

signals:
    void readyChanged();
    void captured(const gx::CapturedImage &image);
    /** The camera failed; `reason` is for a person, in the UI language. */
    void failed(const QString &reason);
};

} // namespace gx

Q_DECLARE_METATYPE(gx::CapturedImage)
