#include "app/setupcodescanner.h"

#include "app/cameraframesource.h"
#include "app/logging.h"
#include "app/session.h"
#include "core/setupcode.h"

#include <QVideoSink>
#include <QtConcurrent/QtConcurrentRun>

namespace gx {

SetupCodeScanner::SetupCodeScanner(QObject *parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
    connect(&m_decoding, &QFutureWatcherBase::finished, this, &SetupCodeScanner::decoded);
}

SetupCodeScanner::~SetupCodeScanner()
{
    if (m_source)
        m_source->stop();
    m_decoding.disconnect(this);
    m_pool.waitForDone();
}

void SetupCodeScanner::setSession(Session *session)
{
    if (session == m_session)
        return;
    m_session = session;
    updateSource();
    emit sessionChanged();
}

void SetupCodeScanner::updateSource()
{
    const bool wasAvailable = isAvailable();
    if (m_source)
        m_source->stop();
    const FrameSourceFactory &make =
        m_session ? m_session->environment().frameSource : FrameSourceFactory();
    m_source = make ? make() : std::make_unique<CameraFrameSource>();
    connect(m_source.get(), &FrameSource::frameArrived, this, &SetupCodeScanner::frameArrived);
    connect(m_source.get(), &FrameSource::availableChanged, this,
            &SetupCodeScanner::availableChanged);
    connect(m_source.get(), &FrameSource::failed, this, &SetupCodeScanner::setMessage);
    if (m_active)
        startSource();
    if (wasAvailable != isAvailable())
        emit availableChanged();
}

void SetupCodeScanner::setVideoSink(QVideoSink *sink)
{
    if (sink == m_videoSink)
        return;
    m_videoSink = sink;
    emit videoSinkChanged();
}

void SetupCodeScanner::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    if (!m_source)
        updateSource(); // starts it
    else if (active)
        startSource();
    else
        m_source->stop();
    emit activeChanged();
}

void SetupCodeScanner::startSource()
{
    m_lastText.clear();
    setMessage({});
    if (!m_source->isAvailable()) {
        setMessage(tr("This device has no camera."));
        return;
    }
    m_source->start();
}

void SetupCodeScanner::frameArrived(const QVideoFrame &frame)
{
    if (!m_active)
        return;
    ++m_framesSeen;
    if (m_videoSink)
        m_videoSink->setVideoFrame(frame);
    if (m_decoding.isRunning())
        return; // one decode at a time: this frame is only shown
    ++m_framesDecoded;
    m_decoding.setFuture(QtConcurrent::run(&m_pool, [frame] { return QrDecoder::decode(frame); }));
}

void SetupCodeScanner::decoded()
{
    if (!m_active)
        return;
    const Result<QString, QrDecodeError> read = m_decoding.result();
    if (!read)
        return; // nothing readable in this frame: the next one is tried
    const QString &text = read.value();
    const auto code = SetupCode::parse(text);
    if (!code) {
        if (text != m_lastText)
            qCInfo(lcApp) << "scanned a QR code that is no setup code";
        m_lastText = text;
        const Language language = m_session ? m_session->uiLanguage() : Language::Zh;
        setMessage(code.error() == SetupCode::Error::NotACode
                       ? tr("This is not a setup code of the renewal survey. Scan the code "
                            "the office shows on its accounts screen.")
                       : tr("This is not a setup code of the renewal survey: %1")
                             .arg(SetupCode::describe(code.error()).text(language)));
        return;
    }
    if (!m_session || !m_session->applySetupCode(text))
        return;
    qCInfo(lcApp) << "scanned the setup code of" << code.value().user << "at"
                  << code.value().server.toString();
    setActive(false);
    setMessage({});
    emit scanned();
}

void SetupCodeScanner::setMessage(const QString &message)
{
    if (message == m_message)
        return;
    m_message = message;
    emit messageChanged();
}

} // namespace gx
