#include "app/cameraframesource.h"

#include "app/logging.h"

#include <QCamera>
#include <QCameraDevice>

namespace gx {

CameraFrameSource::CameraFrameSource(QObject *parent)
    : FrameSource(parent)
{
    connect(&m_devices, &QMediaDevices::videoInputsChanged, this, &FrameSource::availableChanged);
    connect(&m_sink, &QVideoSink::videoFrameChanged, this, &FrameSource::frameArrived);
    m_capture.setVideoSink(&m_sink);
}

CameraFrameSource::~CameraFrameSource()
{
    stop();
}

bool CameraFrameSource::isAvailable() const
{
    return !QMediaDevices::videoInputs().isEmpty();
}

void CameraFrameSource::start()
{
    if (m_camera)
        return;
    const QCameraDevice device = QMediaDevices::defaultVideoInput();
    if (device.isNull()) {
        emit failed(tr("This device has no camera."));
        return;
    }
    m_camera = std::make_unique<QCamera>(device);
    connect(m_camera.get(), &QCamera::errorOccurred, this,
            [this](QCamera::Error error, const QString &why) {
                if (error == QCamera::NoError)
                    return;
                qCWarning(lcApp) << "the camera failed:" << why;
                emit failed(tr("The camera cannot be used: %1").arg(why));
            });
    m_capture.setCamera(m_camera.get());
    qCInfo(lcApp) << "scanning with the camera" << device.description();
    m_camera->start();
}

void CameraFrameSource::stop()
{
    if (!m_camera)
        return;
    m_camera->stop();
    m_capture.setCamera(nullptr);
    m_camera.reset();
}

} // namespace gx
