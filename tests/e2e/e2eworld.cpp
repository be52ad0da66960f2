#include "e2eworld.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace gx::e2e {

QStringList conflictsIn(const QHash<QString, QJsonObject> &view, const QString &id)
{
    QStringList found;
    for (const QJsonObject &change : view) {
        if (change.value("entity"_L1).toString() != "conflict"_L1)
            continue;
        const QJsonObject f = change.value("fields"_L1).toObject();
        if (f.value("record_id"_L1).toString() != id)
            continue;
        const QJsonValue lost = f.value("lost_value"_L1);
        const QString lostText =
            lost.isString() ? lost.toString() : QString::number(lost.toDouble());
        found.append(u"%1:%2:%3"_s.arg(f.value("field"_L1).toString(), lostText,
                                       f.value("reason"_L1).toString()));
    }
    found.sort();
    return found;
}

QString E2eWorld::enterprise(int n)
{
    return test::testUscc(test::kRegion, n);
}

QString E2eWorld::otherEnterprise(int n)
{
    return test::testUscc(test::kOtherRegion, 500'000 + n);
}

namespace {

QString dbUrlFor(const QString &backend, const QTemporaryDir &dir)
{
    if (backend == "postgres"_L1)
        return qEnvironmentVariable("GX_TEST_PG_URL");
    return u"sqlite:"_s + dir.filePath(u"server.db"_s);
}

} // namespace

QString E2eWorld::backend()
{
    return qEnvironmentVariable("GX_TEST_BACKEND") == "postgres"_L1 ? u"postgres"_s : u"sqlite"_s;
}

E2eWorld::E2eWorld()
    : m_dbUrl(dbUrlFor(backend(), m_dir))
    , m_server(m_dbUrl)
{}

QString E2eWorld::resetDatabase()
{
    if (backend() != "postgres"_L1)
        return {};
    const QUrl url(m_dbUrl);
    if (m_dbUrl.isEmpty() || !url.isValid()) {
        return u"GX_TEST_BACKEND=postgres but GX_TEST_PG_URL is not set: run the suite through "
               "scripts/with-postgres.sh"_s;
    }
    QString why;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, u"e2e-reset"_s);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        if (!db.open()) {
            why = u"cannot open %1: %2"_s.arg(url.toString(QUrl::RemovePassword),
                                              db.lastError().text());
        }
        for (const QString &statement :
             {u"DROP SCHEMA IF EXISTS public CASCADE"_s, u"CREATE SCHEMA public"_s}) {
            QSqlQuery q(db);
            if (why.isEmpty() && !q.exec(statement))
                why = u"cannot reset the PostgreSQL schema: "_s + q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"e2e-reset"_s);
    return why;
}

QString E2eWorld::serverDbPath() const
{
    return m_dir.filePath(u"server.db"_s);
}

QString E2eWorld::setUp(int enterprises)
{
    if (!m_dir.isValid())
        return u"no temporary directory"_s;
    if (QString reset = resetDatabase(); !reset.isEmpty())
        return reset;
    const QString db = m_dbUrl;
    QList<test::RegistryLine> registry;
    for (int n = 1; n <= std::max(enterprises, kEnterprises); ++n)
        registry.append({enterprise(n), u"莲都企业%1"_s.arg(n), test::kRegion});
    for (int n = 1; n <= kOtherEnterprises; ++n)
        registry.append({otherEnterprise(n), u"青田企业%1"_s.arg(n), test::kOtherRegion});
    QString why = test::importRegistryByCommand(db, m_dir.filePath(u"registry.csv"_s), registry);
    for (const auto &[name, role, region] :
         {std::tuple{u"insp.a"_s, u"inspector"_s, test::kRegion},
          std::tuple{u"insp.b"_s, u"inspector"_s, test::kRegion},
          std::tuple{u"insp.c"_s, u"inspector"_s, test::kOtherRegion},
          std::tuple{u"office"_s, u"office"_s, QString()}}) {
        if (why.isEmpty())
            why = test::addUserByCommand(db, name, role, test::kPassword, region);
    }
    if (why.isEmpty())
        why = m_server.start();
    if (!why.isEmpty())
        return why;
    m_office = std::make_unique<test::HttpClient>(m_server.baseUrl());
    if (m_office->login(u"office"_s, test::kPassword).isEmpty())
        return u"the office user could not log in"_s;
    return {};
}

QString E2eWorld::storePath(const QString &deviceId)
{
    return m_dir.filePath(u"%1-%2/device.db"_s.arg(deviceId).arg(++m_stores));
}

std::unique_ptr<TestDevice> E2eWorld::device(const QString &user, const QString &deviceId,
                                             QString *why, SyncOptions options, const QUrl &via)
{
    auto device = std::make_unique<TestDevice>(storePath(deviceId), deviceId,
                                               via.isEmpty() ? m_server.baseUrl() : via, options,
                                               quint32(m_stores));
    *why = device->error();
    for (int attempt = 0; why->isEmpty() && attempt < 20; ++attempt) {
        const QString failed = device->login(user, test::kPassword);
        if (failed.isEmpty())
            break;
        if (attempt == 19 || failed.contains(u"user name or password"_s))
            *why = failed;
    }
    if (!why->isEmpty())
        return nullptr;
    return device;
}

QHash<QString, QJsonObject> E2eWorld::officeView(QString *why)
{
    return test::latestByRecord(test::pullEverything(*m_office, why));
}

} // namespace gx::e2e
