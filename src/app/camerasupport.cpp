#include "app/camerasupport.h"

#include "app/cameraimagesource.h"

#include <QCameraDevice>
#include <QList>
#include <QPointer>

namespace gx {

namespace {
CameraSupport::SourceFactory &injectedFactory()
{
    static CameraSupport::SourceFactory factory;
    return factory;
}
/** The instances QML made, told when the injected source comes or goes. */
QList<QPointer<CameraSupport>> &instances()
{
    static QList<QPointer<CameraSupport>> list;
    return list;
}
} // namespace

CameraSupport::CameraSupport(QObject *parent)
    : QObject(parent)
{
    connect(&m_devices, &QMediaDevices::videoInputsChanged, this, &CameraSupport::availableChanged);
}

bool CameraSupport::isAvailable() const
{
    return hasInjectedSource() || !QMediaDevices::videoInputs().isEmpty();
}

ImageSource *CameraSupport::createSource(QObject *parent)
{
    if (hasInjectedSource())
        return injectedFactory()(parent);
    const QCameraDevice device = QMediaDevices::defaultVideoInput();
    if (device.isNull())
        return nullptr;
    return new CameraImageSource(device, parent);
}

void CameraSupport::setSourceFactory(SourceFactory factory)
{
    injectedFactory() = std::move(factory);
    instances().removeAll(nullptr);
    for (const QPointer<CameraSupport> &instance : std::as_const(instances()))
        emit instance->availableChanged();
}

bool CameraSupport::hasInjectedSource()
{
    return static_cast<bool>(injectedFactory());
}

} // namespace gx
