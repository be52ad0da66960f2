#include "testdevice.h"

#include <QDateTime>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace gx::e2e {

SyncOptions fastSyncOptions()
{
    SyncOptions options;
    options.pushBatchSize = 50;
    options.pullPageSize = 200;
    options.uploadChunkBytes = 64 * 1024;
    options.timeoutMillis = 10'000;
    options.maxAttempts = 30;
    options.backoff = BackoffPolicy{20, 400, 2.0, 0.5};
    options.periodicMillis = 0;
    return options;
}

TestDevice::TestDevice(const QString &storePath, const QString &deviceId, const QUrl &server,
                       SyncOptions options, quint32 seed)
{
    auto opened =
        DeviceStore::open(storePath, deviceId, [] { return QDateTime::currentMSecsSinceEpoch(); });
    if (!opened) {
        m_error = opened.error().toString();
        return;
    }
    m_store = std::move(opened).value();
    auto rng = std::make_shared<QRandomGenerator>(seed);
    m_client = std::make_unique<SyncClient>(
        *m_store, TokenStore::fileOnly(storePath), &m_nam, server,
        [] { return QDateTime::currentMSecsSinceEpoch(); }, options,
        [rng] { return rng->generateDouble(); });
}

TestDevice::~TestDevice()
{
    m_client.reset();
    m_store.reset();
}

QString TestDevice::login(const QString &user, const QString &password)
{
    QEventLoop loop;
    QString result = u"no answer"_s;
    auto connection = QObject::connect(m_client.get(), &SyncClient::loginFinished, &loop,
                                       [&](bool ok, const QString &message) {
                                           result = ok ? QString() : message;
                                           loop.quit();
                                       });
    QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
    m_client->login(user, password);
    loop.exec();
    QObject::disconnect(connection);
    return result;
}

QString TestDevice::sync(int timeoutMillis)
{
    QEventLoop loop;
    bool finished = false;
    bool ok = false;
    auto connection =
        QObject::connect(m_client.get(), &SyncClient::syncFinished, &loop, [&](bool success) {
            finished = true;
            ok = success;
            loop.quit();
        });
    QTimer::singleShot(timeoutMillis, &loop, &QEventLoop::quit);
    m_client->sync();
    if (!finished)
        loop.exec();
    QObject::disconnect(connection);
    if (!finished)
        return u"the sync did not end in time (state %1: %2)"_s.arg(m_client->stateName(),
                                                                    m_client->reason());
    return ok ? QString() : u"%1: %2"_s.arg(m_client->stateName(), m_client->reason());
}

QJsonObject TestDevice::fields(const QString &entity, const QString &id)
{
    const auto record = m_store->record(entity, id);
    if (!record || !record.value())
        return {};
    return record.value()->fields;
}

QStringList TestDevice::recordKeys()
{
    // Read-only, through a second connection of the test's own: the store has no "list
    // everything" query, and a test must see what is there without trusting one.
    QStringList keys;
    const QString name = u"e2e-inspect-%1"_s.arg(quintptr(this));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(m_store->path());
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (db.open()) {
            QSqlQuery q(db);
            q.exec(u"SELECT entity, id FROM records ORDER BY entity, id"_s);
            while (q.next())
                keys.append(q.value(0).toString() + u'/' + q.value(1).toString());
        }
    }
    QSqlDatabase::removeDatabase(name);
    return keys;
}

} // namespace gx::e2e
