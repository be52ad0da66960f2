#include "fixture.h"

#include "app/sampledata.h"
#include "app/session.h"
#include "store/devicestore.h"

#include <QJsonObject>
#include <QSettings>

namespace gx {

namespace {
QImage &cameraScene()
{
    static QImage image;
    return image;
}
} // namespace

Fixture::Fixture(QObject *parent)
    : QObject(parent)
{}

QString Fixture::openLocal(const QString &username, const QString &role, const QString &region,
                           const QString &enterprise)
{
    const auto done = Session::current()->openLocal(username, role, region, enterprise);
    return done.ok() ? QString() : done.error();
}

QString Fixture::createRecord(const QString &entity, const QVariantMap &fields, const QString &id)
{
    Session *session = Session::current();
    if (!session->store())
        return {};
    auto receipt = session->store()->createRecord(entity, QJsonObject::fromVariantMap(fields), id);
    if (!receipt) {
        qWarning("createRecord(%s): %s", qPrintable(entity), qPrintable(receipt.error().message));
        return {};
    }
    session->notifyDataChanged();
    return receipt.value().id;
}

QVariantMap Fixture::record(const QString &entity, const QString &id)
{
    Session *session = Session::current();
    if (!session->store())
        return {};
    auto stored = session->store()->record(entity, id);
    if (!stored || !stored.value())
        return {};
    return stored.value()->fields.toVariantMap();
}

bool Fixture::exists(const QString &entity, const QString &id)
{
    Session *session = Session::current();
    if (!session->store())
        return false;
    auto stored = session->store()->record(entity, id);
    return stored && stored.value() && !stored.value()->deleted;
}

int Fixture::outboxCount()
{
    Session *session = Session::current();
    if (!session->store())
        return 0;
    auto entries = session->store()->outbox().entries();
    return entries ? int(entries.value().size()) : 0;
}

QString Fixture::dataDir()
{
    return Session::current()->environment().dataDir;
}

void Fixture::showToCamera(const QString &text)
{
    cameraScene() = text.isEmpty() ? QImage() : SampleData::qrPhoto(text, QSize(640, 480));
}

QImage Fixture::cameraImage()
{
    return cameraScene();
}

void Fixture::keychainFellBack(const QString &why)
{
    Session::current()->noteKeychainFallback(
        why == QLatin1String("absent") ? KeychainFallback::Absent : KeychainFallback::Refused);
}

void Fixture::forgetKeychainNoticeRead()
{
    QSettings settings(dataDir() + QStringLiteral("/settings.ini"), QSettings::IniFormat);
    settings.remove(QStringLiteral("keychain_notice_read"));
}

} // namespace gx
