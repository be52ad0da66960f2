#pragma once

#include <QList>
#include <QString>
#include <QVariantMap>

namespace gx {

class Session;

/** One screen of the app's contract with the properties it is opened with. */
struct ScreenSpec
{
    QString name; ///< the --screen name, e.g. "enterprise"
    QString file; ///< the QML file of Gengxin.Ui, e.g. "EnterpriseScreen.qml"
    QVariantMap properties;
    bool office = false; ///< a desk screen (also rendered at 1280x800)
    /** Rendered with the notice of the survey's newest version (FormUpdateNotice) showing; the
     * other screens are rendered as after the user has read it. */
    bool formNotice = false;
    /** Rendered with the drawn nameplate (NameplatePicture) as the camera, as the capture screen
     * needs one and headless machines have none. */
    bool sampleCamera = false;
    /** What the camera films on a scan screen (a QR code of this text, SampleData::qrPhoto);
     * empty: no camera is injected. */
    QString camera = {};
    bool cameraInFocus = true; ///< false: too blurred to read, as while the camera focuses
};

/**
 * Every screen of the contract (the names others push by) with sample properties resolved from
 * the open store: the first enterprise of the user's region, a survey with equipment rows and
 * its first row, the user's region. Used by --self-test and --screenshot.
 */
class ScreenCatalog
{
public:
    /** The screens, in the contract's order, with properties read from the session's store. */
    [[nodiscard]] static QList<ScreenSpec> resolve(Session &session);
    /** Whether the QML file is compiled into Gengxin.Ui. */
    [[nodiscard]] static bool exists(const QString &file);
    /** Its URL inside the module. */
    [[nodiscard]] static QString url(const QString &file);
};

} // namespace gx
