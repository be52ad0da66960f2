#include "app/cameraimagesource.h"

#include "app/logging.h"

#include <QVideoFrame>

namespace gx {

namespace {

QImageIOHandler::Transformations transformationOf(const QVideoFrame &frame)
{
    QImageIOHandler::Transformations t = QImageIOHandler::TransformationNone;
    switch (frame.rotationAngle()) {
    case QVideoFrame::Rotation90:
        t = QImageIOHandler::TransformationRotate90;
        break;
    case QVideoFrame::Rotation180:
        t = QImageIOHandler::TransformationRotate180;
        break;
    case QVideoFrame::Rotation270:
        t = QImageIOHandler::TransformationRotate270;
        break;
    case QVideoFrame::Rotation0:
        break;
    }
    if (frame.mirrored())
        t ^= QImageIOHandler::TransformationMirror;
    return t;
}

} // namespace

CameraImageSource::CameraImageSource(const QCameraDevice &device, QObject *parent)
    : ImageSource(parent)
    , m_device(device)
    , m_camera(device)
{
    m_session.setCamera(&m_camera);
    m_session.setImageCapture(&m_imageCapture);
    connect(&m_imageCapture, &QImageCapture::readyForCaptureChanged, this,
            &ImageSource::readyChanged);
    connect(&m_camera, &QCamera::activeChanged, this, &ImageSource::readyChanged);
    connect(&m_imageCapture, &QImageCapture::imageAvailable, this,
            [this](int id, const QVideoFrame &frame) {
                if (id != m_pending)
                    return;
                m_pending = -1;
                emit readyChanged();
                emit captured(CapturedImage{frame.toImage(), transformationOf(frame)});
            });
    connect(&m_imageCapture, &QImageCapture::errorOccurred, this,
            [this](int id, QImageCapture::Error, const QString &text) {
                qCWarning(lcApp) << "image capture" << id << "failed:" << text;
                if (id != m_pending && m_pending != -1)
                    return;
                m_pending = -1;
                emit readyChanged();
                emit failed(tr("the camera could not take the picture (%1)").arg(text));
            });
    connect(&m_camera, &QCamera::errorOccurred, this, [this](QCamera::Error, const QString &text) {
        qCWarning(lcApp) << "camera" << m_device.description() << "failed:" << text;
        m_pending = -1;
        emit failed(tr("the camera failed (%1)").arg(text));
    });
}

bool CameraImageSource::isReady() const
{
    return m_camera.isActive() && m_imageCapture.isReadyForCapture() && m_pending == -1;
}

QString CameraImageSource::description() const
{
    return m_device.description();
}

void CameraImageSource::setVideoSink(QVideoSink *sink)
{
    m_session.setVideoSink(sink);
}

void CameraImageSource::start()
{
    m_camera.start();
}

void CameraImageSource::stop()
{
    m_camera.stop();
}

bool CameraImageSource::capture()
{
    if (!isReady())
        return false;
    m_pending = m_imageCapture.capture();
    if (m_pending == -1)
        return false;
    emit readyChanged();
    return true;
}

} // namespace gx
