#pragma once

#include "app/framesource.h"
#include "app/qrdecoder.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThreadPool>
#include <QVideoSink>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace gx {

class Session;

/**
 * Scans the office's setup code with the camera, for the login screen (ScanSetupCodeScreen.qml).
 * While `active`, the frames of its FrameSource (the session's AppEnvironment::frameSource, else
 * the camera) are shown in `videoSink` (the screen's VideoOutput) and decoded by QrDecoder on a
 * worker thread of its own, at most one frame at a time (the frames that arrive meanwhile are
 * only shown). A decoded setup code goes to Session::applySetupCode(), which fills server and
 * user, and `scanned()` tells the screen to close; a QR code that is no setup code sets
 * `message` (这不是更新系统的设置码, and why) and the scan goes on. Without a camera `available`
 * is false and the login screen offers typing or pasting only.
 */
class SetupCodeScanner : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(gx::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QVideoSink *videoSink READ videoSink WRITE setVideoSink NOTIFY videoSinkChanged)
    Q_PROPERTY(bool active READ isActive WRITE setActive NOTIFY activeChanged)
    /** A camera (or an injected source) exists. */
    Q_PROPERTY(bool available READ isAvailable NOTIFY availableChanged)
    /** What went wrong last, for a person: a code that is not a setup code, or the camera. */
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)

public:
    explicit SetupCodeScanner(QObject *parent = nullptr);
    ~SetupCodeScanner() override;

    [[nodiscard]] Session *session() const { return m_session; }
    void setSession(Session *session);
    [[nodiscard]] QVideoSink *videoSink() const { return m_videoSink; }
    void setVideoSink(QVideoSink *sink);
    [[nodiscard]] bool isActive() const { return m_active; }
    void setActive(bool active);
    [[nodiscard]] bool isAvailable() const { return m_source && m_source->isAvailable(); }
    [[nodiscard]] QString message() const { return m_message; }

    /** Frames received while active, and of those the ones decoded (tests: the throttle). */
    [[nodiscard]] int framesSeen() const { return m_framesSeen; }
    [[nodiscard]] int framesDecoded() const { return m_framesDecoded; }

signals:
    void sessionChanged();
    void videoSinkChanged();
    void activeChanged();
    void availableChanged();
    void messageChanged();
    /** A setup code was read and applied to the session: the scan is over. */
    void scanned();

private:
    void frameArrived(const QVideoFrame &frame);
    void decoded();
    void setMessage(const QString &message);
    void updateSource();
    /** Clears the message and starts the source, or says there is no camera. */
    void startSource();

    QPointer<Session> m_session;
    QPointer<QVideoSink> m_videoSink;
    std::unique_ptr<FrameSource> m_source;
    QThreadPool m_pool;
    QFutureWatcher<Result<QString, QrDecodeError>> m_decoding;
    QString m_message;
    QString m_lastText; ///< the last text decoded that was no setup code
    int m_framesSeen = 0;
    int m_framesDecoded = 0;
    bool m_active = false;
};

} // namespace gx
