#pragma once

#include <QMediaDevices>
#include <QObject>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace gx {

class ImageSource;

/**
 * Whether this device can take photos, and the ImageSource the capture screen takes them from:
 * the first camera QMediaDevices lists (the default one), or the source a test or --screenshot
 * injected with setSourceFactory(). Where neither exists `available` is false: the photo field
 * offers only the file picker and says 本设备没有摄像头.
 */
class CameraSupport : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool available READ isAvailable NOTIFY availableChanged)

public:
    using SourceFactory = std::function<ImageSource *(QObject *parent)>;

    explicit CameraSupport(QObject *parent = nullptr);

    [[nodiscard]] bool isAvailable() const;
    /** A new source owned by `parent` (the injected one, else the default camera); null when
     * there is no camera. */
    [[nodiscard]] static ImageSource *createSource(QObject *parent);
    /** Replaces the camera by what `factory` makes (tests, --screenshot); empty: the camera. */
    static void setSourceFactory(SourceFactory factory);
    [[nodiscard]] static bool hasInjectedSource();

signals:
    void availableChanged();

private:
    QMediaDevices m_devices;
};

} // namespace gx
