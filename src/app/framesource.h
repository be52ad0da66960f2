#pragma once

#include <QObject>
#include <QString>
#include <QVideoFrame>

#include <functional>
#include <memory>

namespace gx {

/**
 * Where the setup-code scanner gets its pictures: the device's camera (CameraFrameSource), or in
 * tests and screenshots a picture given to it (ImageFrameSource). Frames arrive on the GUI
 * thread, as many as the source makes; the scanner decides which it decodes.
 */
class FrameSource : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /** Whether it can deliver frames at all (a camera exists). */
    [[nodiscard]] virtual bool isAvailable() const = 0;
    /** Starts delivering frames (the camera opens); failed() says when it cannot. */
    virtual void start() = 0;
    /** Stops delivering frames (the camera closes). */
    virtual void stop() = 0;

signals:
    void frameArrived(const QVideoFrame &frame);
    /** The camera came or went. */
    void availableChanged();
    /** It cannot deliver frames (the camera failed, was refused or is in use), for a person. */
    void failed(const QString &message);
};

/** Makes the frame source of a scanner (AppEnvironment::frameSource). */
using FrameSourceFactory = std::function<std::unique_ptr<FrameSource>()>;

} // namespace gx
