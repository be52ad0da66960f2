#include "officecity.h"

#include "testsupport.h"

#include "app/session.h"
#include "core/uscc.h"
#include "syncclient/syncclient.h"

#include <QDir>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace gx {

namespace test {

namespace {

constexpr int kPeriod = 2024;

server::StoredRecord record(const QString &entity, const QString &id, const QJsonObject &fields,
                            const QString &uscc)
{
    return {entity, id, 0, 0, false, fields, {}, OfficeCity::kRegion, uscc};
}

} // namespace

OfficeCity::OfficeCity()
{
    m_db = std::make_unique<TestDatabase>();
    if (!m_db->ok()) {
        m_error = m_db->error();
        return;
    }
    m_server = std::make_unique<TestServer>(m_db->db());
    if (!m_server->ok()) {
        m_error = m_server->error();
        return;
    }
    m_baseUrl = m_server->baseUrl();
    m_error = addUser(m_db->db(), kUser, server::Role::Office, kPassword);
    if (!m_error.isEmpty())
        return;

    const QStringList names{u"遂昌甲机械有限公司"_s, u"遂昌乙电子有限公司"_s,
                            u"遂昌丙纺织有限公司"_s, u"遂昌丁食品有限公司"_s};
    QList<RegistryEntry> registry;
    QList<server::StoredRecord> records;
    m_names = names;
    for (int i = 0; i < names.size(); ++i) {
        const QString uscc = makeUscc(u'9', u'1', kRegion, u"4000000%1"_s.arg(i));
        m_usccs.append(uscc);
        registry.append({uscc, names.at(i), kRegion, u"3421"_s, true});
        records.append(record(u"enterprise"_s, uscc,
                              {{u"uscc"_s, uscc},
                               {u"name"_s, names.at(i)},
                               {u"region"_s, kRegion},
                               {u"industry_code"_s, u"3421"_s},
                               {u"above_size"_s, true}},
                              uscc));
    }
    const auto survey = [&](int n, const QJsonObject &fields) {
        const QString id = u"00000000-0000-4000-8000-0000000000%1"_s.arg(n + 10);
        m_surveyIds.append(id);
        QJsonObject all = fields;
        all.insert(u"enterprise"_s, m_usccs.at(n));
        all.insert(u"period"_s, kPeriod);
        records.append(record(u"survey"_s, id, all, m_usccs.at(n)));
    };
    survey(0, {{u"state"_s, u"submitted"_s},
               {u"digital_level"_s, 2},
               {u"design_tools"_s, true},
               {u"key_processes"_s, 10},
               {u"key_processes_cnc"_s, 6},
               {u"tech_invest_base_10k"_s, 100},
               {u"tech_invest_10k"_s, 120}});
    survey(1, {{u"state"_s, u"draft"_s}, {u"digital_level"_s, 3}});
    survey(2, {{u"state"_s, u"submitted"_s},
               {u"digital_level"_s, 0},
               {u"design_tools"_s, false},
               {u"key_processes"_s, 4},
               {u"key_processes_cnc"_s, 1},
               {u"tech_invest_base_10k"_s, 50},
               {u"tech_invest_10k"_s, 50}});
    for (int i = 0; i < 2; ++i) {
        QJsonObject row = equipmentFields(m_surveyIds.at(0), u"数控车床 %1"_s.arg(i + 1));
        records.append(record(u"equipment"_s, u"00000000-0000-4000-9000-00000000000%1"_s.arg(i),
                              row, m_usccs.at(0)));
    }
    m_error = storeRegistry(m_db->db(), registry);
    if (m_error.isEmpty())
        m_error = storeRecords(m_db->db(), records);
}

OfficeCity::~OfficeCity() = default;

QUrl OfficeCity::baseUrl() const
{
    return m_baseUrl;
}

QHash<QString, QJsonObject> OfficeCity::targetsOnServer(int period) const
{
    HttpClient client(m_baseUrl);
    if (client.login(kUser, kPassword).isEmpty())
        return {};
    const HttpResult answer = client.get(u"/api/v1/targets?period=%1"_s.arg(period));
    QHash<QString, QJsonObject> out;
    for (const QJsonValue &region : answer.json().value("regions"_L1).toArray())
        out.insert(region["region"_L1].toString(), region["targets"_L1].toObject());
    return out;
}

QString OfficeCity::newUscc(int n)
{
    return makeUscc(u'9', u'1', kRegion, u"5000%1"_s.arg(n, 4, 10, QChar(u'0')));
}

QStringList OfficeCity::registryLines() const
{
    QStringList lines;
    for (int i = 0; i < m_usccs.size(); ++i)
        lines.append(u"%1,%2,%3,3421,true"_s.arg(m_usccs.at(i), m_names.at(i), kRegion));
    return lines;
}

QByteArray OfficeCity::registryCsv(const QStringList &lines)
{
    return (u"uscc,name,region,industry_code,above_size\n"_s + lines.join(u'\n') + u'\n').toUtf8();
}

QString OfficeCity::serverEnterpriseName(const QString &uscc) const
{
    HttpClient client(m_baseUrl);
    if (client.login(kUser, kPassword).isEmpty())
        return {};
    QString name;
    for (const QJsonObject &change : pullEverything(client)) {
        if (change.value("entity"_L1).toString() == u"enterprise"_s &&
            change.value("id"_L1).toString() == uscc)
            name = change.value("fields"_L1).toObject().value("name"_L1).toString();
    }
    return name;
}

QList<QJsonObject> OfficeCity::registryAudit() const
{
    HttpClient client(m_baseUrl);
    if (client.login(kUser, kPassword).isEmpty())
        return {};
    const HttpResult answer = client.get(u"/api/v1/audit?action=registry_imported"_s);
    QList<QJsonObject> out;
    for (const QJsonValue &entry : answer.json().value("entries"_L1).toArray()) {
        QJsonObject detail = entry["detail"_L1].toObject();
        detail.insert(u"actor"_s, entry["actor"_L1]);
        out.append(detail);
    }
    return out;
}

void OfficeCity::stopServer()
{
    m_server.reset();
}

QString loginAndFirstSync(Session &session, const QUrl &server, const QString &user,
                          const QString &password)
{
    QEventLoop loop;
    bool loggedIn = false;
    QString why;
    const auto finished = QObject::connect(&session, &Session::loginFinished, &loop, [&](bool ok) {
        loggedIn = ok;
        why = session.error();
        loop.quit();
    });
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    session.login(server.toString(), user, password);
    if (!loggedIn && why.isEmpty())
        loop.exec();
    QObject::disconnect(finished);
    if (!loggedIn)
        return why.isEmpty() ? u"no answer to the login"_s : why;
    SyncClient *sync = session.syncClient();
    if (!sync)
        return u"no sync client after the login"_s;
    QEventLoop syncLoop;
    bool synced = false;
    QObject::connect(sync, &SyncClient::syncFinished, &syncLoop, [&](bool ok) {
        synced = ok;
        syncLoop.quit();
    });
    QTimer::singleShot(30000, &syncLoop, &QEventLoop::quit);
    if (sync->stateName() != u"idle"_s || !sync->lastSuccess().isValid())
        syncLoop.exec();
    if (!synced && !sync->lastSuccess().isValid())
        return u"the first sync failed: "_s + sync->reason();
    return {};
}

QString OfficeCity::login(Session &session)
{
    return loginAndFirstSync(session, baseUrl(), kUser, kPassword);
}

OfficeDesk::OfficeDesk()
    : m_dir(std::make_unique<QTemporaryDir>())
    , m_city(std::make_unique<OfficeCity>())
{
    if (!m_city->ok()) {
        m_error = m_city->error();
        return;
    }
    AppEnvironment env;
    env.dataDir = m_dir->path();
    env.secrets = gx::SecretStore(gx::SecretStore::Mode::FileOnly); // never a real keychain
    env.assetsDir = qEnvironmentVariable("GX_ASSETS_DIR");
    m_session = std::make_unique<Session>(env);
    m_error = m_city->login(*m_session);
}

OfficeDesk::~OfficeDesk()
{
    // The session (and its sync client) goes before the server it talks to.
    m_session.reset();
    m_city.reset();
}

QString OfficeDesk::filePath(const QString &name) const
{
    return m_dir->filePath(name);
}

} // namespace test

} // namespace gx
