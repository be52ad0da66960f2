#pragma once

#include <QObject>
#include <QTemporaryDir>
#include <memory>

class QQmlEngine;

namespace gx {

class Session;

/**
 * The setup of every Qt Quick Test suite: the Material style and the pinned font as the app has
 * them, the static QML modules on the import path, and one Session over a temporary data
 * directory (removed at the end), made current so that QML's `Session` singleton is it.
 */
class QuickTestSetup : public QObject
{
    Q_OBJECT
public:
    QuickTestSetup();
    ~QuickTestSetup() override;

public slots:
    void applicationAvailable();
    void qmlEngineAvailable(QQmlEngine *engine);

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Session> m_session;
};

} // namespace gx
