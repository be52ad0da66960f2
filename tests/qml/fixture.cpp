#include "fixture.h"

#include "app/session.h"
#include "store/devicestore.h"

#include <QJsonObject>

namespace gx {

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

} // namespace gx
