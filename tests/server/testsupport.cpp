#include "testsupport.h"

#include "core/uscc.h"
#include "sync/cli/serverassets.h"
#include "sync/figures/registryimport.h"
#include "sync/records/coveragefacts.h"
#include "sync/records/serverschema.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace gx::test {

namespace {

constexpr int kHttpTimeoutMs = 30000;

} // namespace

bool usingPostgres()
{
    return qEnvironmentVariable("GX_TEST_BACKEND") == "postgres"_L1;
}

QString backendName()
{
    return usingPostgres() ? u"postgres"_s : u"sqlite"_s;
}

TestDatabase::TestDatabase()
{
    if (!usingPostgres()) {
        if (!m_dir.isValid()) {
            m_error = u"cannot create a temporary directory"_s;
            return;
        }
        m_url = u"sqlite:"_s + m_dir.filePath(u"store.db"_s);
        return;
    }
    m_url = qEnvironmentVariable("GX_TEST_PG_URL");
    if (m_url.isEmpty()) {
        m_error = u"GX_TEST_BACKEND=postgres but GX_TEST_PG_URL is not set: run the pg suites "
                  "through scripts/with-postgres.sh (e.g. scripts/with-postgres.sh ctest -L pg)"_s;
        return;
    }
    auto admin = server::Database::open(m_url);
    if (!admin) {
        m_error = admin.error().message;
        return;
    }
    // A fresh schema per test case: everything the previous case made goes with it.
    for (const QString &statement :
         {u"DROP SCHEMA IF EXISTS public CASCADE"_s, u"CREATE SCHEMA public"_s}) {
        auto status = admin.value()->run(statement);
        if (!status) {
            m_error = u"cannot reset the PostgreSQL schema: "_s + status.error().message;
            return;
        }
    }
}

TestDatabase::~TestDatabase() = default;

server::Database &TestDatabase::db()
{
    if (!m_db) {
        auto opened = openAnother();
        if (!opened)
            qFatal("test database: %s", qUtf8Printable(opened.error().message));
        m_db = std::move(opened).value();
    }
    return *m_db;
}

Result<std::unique_ptr<server::Database>, server::DbError> TestDatabase::openAnother() const
{
    auto opened = server::Database::open(m_url);
    if (!opened)
        return opened.error();
    auto migrated = server::ServerSchema::apply(*opened.value(), TestClock::kStart);
    if (!migrated)
        return migrated.error();
    return std::move(opened).value();
}

TestClock::TestClock()
    : m_now(std::make_shared<qint64>(kStart))
{}

std::function<qint64()> TestClock::function() const
{
    return [now = m_now] {
        return *now;
    };
}

const FormDefinition &testForm()
{
    static const FormDefinition form = [] {
        auto loaded = server::ServerAssets::loadCurrentForm(server::ServerAssets::resolveDir());
        if (!loaded)
            qFatal("survey definition: %s", qUtf8Printable(loaded.error().toString()));
        return loaded.value();
    }();
    return form;
}

const RegionCatalog &testRegions()
{
    static const RegionCatalog regions = [] {
        auto loaded = server::ServerAssets::loadRegions(server::ServerAssets::resolveDir());
        if (!loaded)
            qFatal("regions: %s", qUtf8Printable(loaded.error().toString()));
        return loaded.value();
    }();
    return regions;
}

TestServer::TestServer(server::Database &db, server::ServerConfig config)
    : m_server(std::make_unique<server::Server>(db, testForm(), testRegions(), std::move(config)))
{
    auto port = m_server->listen(QHostAddress::LocalHost, 0);
    if (port)
        m_port = port.value();
    else
        m_error = port.error();
}

QUrl TestServer::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_port));
}

QJsonObject HttpResult::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QJsonArray HttpResult::jsonArray() const
{
    return QJsonDocument::fromJson(body).array();
}

QString HttpResult::errorCode() const
{
    return json().value("error"_L1).toObject().value("code"_L1).toString();
}

QString HttpResult::errorMessage() const
{
    return json().value("error"_L1).toObject().value("message"_L1).toString();
}

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QByteArray HttpResult::describe() const
{
    return QByteArray::number(status) + ' ' + body.left(2000) +
           (networkError.isEmpty() ? QByteArray() : " [" + networkError.toUtf8() + ']');
}

HttpClient::HttpClient(QUrl base)
    : m_base(std::move(base))
{
    m_nam.setAutoDeleteReplies(false);
}

HttpResult HttpClient::send(const QByteArray &verb, const QString &pathAndQuery,
                            const QByteArray &body,
                            const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(m_base.resolved(QUrl(pathAndQuery)));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    if (m_ssl)
        request.setSslConfiguration(*m_ssl);
    std::unique_ptr<QNetworkReply> reply(body.isNull() && verb == "GET"
                                             ? m_nam.get(request)
                                             : m_nam.sendCustomRequest(request, verb, body));
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(kHttpTimeoutMs, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    HttpResult result;
    if (!reply->isFinished()) {
        reply->abort();
        result.networkError = u"timed out"_s;
        return result;
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    if (reply->error() != QNetworkReply::NoError && result.status == 0) {
        result.networkError = reply->errorString();
        result.networkErrorCode = reply->error();
    }
    return result;
}

HttpResult HttpClient::get(const QString &pathAndQuery)
{
    return send("GET", pathAndQuery, QByteArray());
}

HttpResult HttpClient::postJson(const QString &path, const QJsonObject &body)
{
    return post(path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResult HttpClient::post(const QString &path, const QByteArray &body,
                            const QByteArray &contentType)
{
    return send("POST", path, body.isNull() ? QByteArray("") : body,
                {{"Content-Type", contentType}});
}

HttpResult HttpClient::put(const QString &path, const QByteArray &body,
                           const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return send("PUT", path, body.isNull() ? QByteArray("") : body, headers);
}

QString HttpClient::login(const QString &username, const QString &password)
{
    const QString previous = m_token;
    m_token.clear();
    const HttpResult result =
        postJson(u"/api/v1/login"_s, {{u"username"_s, username}, {u"password"_s, password}});
    if (result.status != 200) {
        m_token = previous;
        return {};
    }
    m_token = result.json().value("token"_L1).toString();
    return m_token;
}

QByteArray rawExchange(quint16 port, const QByteArray &request, int timeoutMs)
{
    QTcpSocket socket;
    QByteArray received;
    QEventLoop loop;
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, [&] { received += socket.readAll(); });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::connected, &loop, [&] { socket.write(request); });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    socket.connectToHost(QHostAddress::LocalHost, port);
    loop.exec();
    received += socket.readAll();
    return received;
}

int rawStatus(const QByteArray &response)
{
    if (!response.startsWith("HTTP/1.1 "))
        return 0;
    return response.mid(9, 3).toInt();
}

QJsonObject rawJsonBody(const QByteArray &response)
{
    const qsizetype headEnd = response.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return {};
    return QJsonDocument::fromJson(response.mid(headEnd + 4)).object();
}

QString addUser(server::Database &db, const QString &username, server::Role role,
                const QString &password, const QString &region, const QString &enterprise)
{
    server::UserStore users(db, testRegions());
    auto added =
        users.add({username, role, region, enterprise, password}, u"test"_s, TestClock::kStart);
    return added ? QString() : added.error().message;
}

SyncFixture::SyncFixture()
    : m_db(std::make_unique<TestDatabase>())
{
    if (!m_db->ok()) {
        m_error = m_db->error();
        return;
    }
    server::Database &database = m_db->db();
    for (const auto &[name, role, region] :
         {std::tuple{u"insp"_s, server::Role::Inspector, kRegion},
          std::tuple{u"insp2"_s, server::Role::Inspector, kRegion},
          std::tuple{u"office"_s, server::Role::Office, QString()}}) {
        m_error = addUser(database, name, role, kPassword, region);
        if (!m_error.isEmpty())
            return;
    }
    m_enterprise = testUscc(kRegion, 1);
    m_otherEnterprise = testUscc(kOtherRegion, 2);
    m_error =
        importEnterprises(database, {{m_enterprise, kRegion}, {m_otherEnterprise, kOtherRegion}});
    if (!m_error.isEmpty())
        return;
    server::ServerConfig config;
    config.clock = m_clock.function();
    m_server = std::make_unique<TestServer>(database, config);
    if (!m_server->ok())
        m_error = m_server->error();
}

SyncFixture::~SyncFixture()
{
    m_clients.clear();
    m_server.reset();
    m_db.reset();
}

HttpClient &SyncFixture::client(const QString &username)
{
    auto &slot = m_clients[username];
    if (!slot) {
        slot = std::make_shared<HttpClient>(m_server->baseUrl());
        if (slot->login(username, kPassword).isEmpty())
            qWarning("login of %s failed", qPrintable(username));
    }
    return *slot;
}

HttpResult SyncFixture::push(const QString &username, const QString &device,
                             const QJsonArray &mutations)
{
    return client(username).postJson(u"/api/v1/sync/push"_s, pushBody(device, mutations));
}

qint64 SyncFixture::lastSeq()
{
    auto query = m_db->db().exec(u"SELECT value FROM counters WHERE name = 'seq'"_s);
    if (!query || !query.value().next())
        return -1;
    return query.value().value(0).toLongLong();
}

QJsonArray pushResults(const HttpResult &result)
{
    return result.json().value("results"_L1).toArray();
}

QJsonObject changeOf(const QList<QJsonObject> &changes, const QString &entity, const QString &id)
{
    QJsonObject found;
    for (const QJsonObject &change : changes) {
        if (change.value("entity"_L1).toString() == entity &&
            change.value("id"_L1).toString() == id)
            found = change;
    }
    return found;
}

QString compactJson(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

ServerProcess::ServerProcess(QString dbUrl)
    : m_dbUrl(std::move(dbUrl))
{}

ServerProcess::~ServerProcess()
{
    if (isRunning())
        kill();
}

QString ServerProcess::start()
{
    if (isRunning())
        return u"already running"_s;
    m_port = 0;
    m_process.setStandardErrorFile(m_dir.filePath(u"server.log"_s), QIODevice::Append);
    m_process.start(serverBinary(),
                    QStringList{u"serve"_s, u"--db"_s, m_dbUrl, u"--listen"_s, u"127.0.0.1:0"_s} +
                        m_extraArguments);
    if (!m_process.waitForStarted(10000))
        return u"cannot start %1: %2"_s.arg(serverBinary(), m_process.errorString());
    static const QRegularExpression listening(u"^listening on 127\\.0\\.0\\.1:(\\d+)$"_s);
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 30000) {
        if (!m_process.canReadLine() && !m_process.waitForReadyRead(200)) {
            if (!isRunning())
                return u"gengxin-server exited: "_s + log();
            continue;
        }
        while (m_process.canReadLine()) {
            const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
            const auto match = listening.match(line);
            if (match.hasMatch()) {
                m_port = quint16(match.captured(1).toUInt());
                return {};
            }
        }
    }
    return u"gengxin-server did not say it was listening within 30 s: "_s + log();
}

void ServerProcess::kill()
{
    m_process.kill(); // SIGKILL
    m_process.waitForFinished(10000);
}

bool ServerProcess::stop()
{
    m_process.terminate();
    return m_process.waitForFinished(10000) && m_process.exitStatus() == QProcess::NormalExit &&
           m_process.exitCode() == 0;
}

QUrl ServerProcess::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_port));
}

QString ServerProcess::log() const
{
    QFile file(m_dir.filePath(u"server.log"_s));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll().right(20000));
}

QString serverBinary()
{
    const QString fromEnvironment = qEnvironmentVariable("GX_SERVER_BIN");
    return fromEnvironment.isEmpty() ? QStringLiteral(GX_SERVER_BIN) : fromEnvironment;
}

QString testUscc(const QString &region, int n)
{
    return makeUscc(u'9', u'1', region, u"MA%1"_s.arg(n, 6, 10, QChar(u'0')));
}

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString hlcText(qint64 millis, const QString &device, quint32 counter)
{
    return u"%1:%2:%3"_s.arg(millis).arg(counter).arg(device);
}

QString importEnterprises(server::Database &db, const QList<QPair<QString, QString>> &usccAndRegion)
{
    QList<server::RegistryRow> rows;
    int line = 2;
    for (const auto &[uscc, region] : usccAndRegion)
        rows.append({line++, uscc, u"企业 "_s + uscc.right(6), region, u"3311"_s, true});
    auto applied =
        server::RegistryImport::apply(db, rows, u"test"_s, u"test.csv"_s, TestClock::kStart);
    return applied ? QString() : applied.error().message;
}

QJsonObject upsertJson(const QString &entity, const QString &id, const QJsonObject &fields,
                       qint64 baseRev, const QString &hlc, const QString &mutationId)
{
    return {{u"mutation_id"_s, mutationId.isEmpty() ? newUuid() : mutationId},
            {u"entity"_s, entity},
            {u"id"_s, id},
            {u"op"_s, u"upsert"_s},
            {u"base_rev"_s, baseRev},
            {u"fields"_s, fields},
            {u"hlc"_s, hlc}};
}

QJsonObject deleteJson(const QString &entity, const QString &id, qint64 baseRev, const QString &hlc,
                       const QString &mutationId)
{
    return {{u"mutation_id"_s, mutationId.isEmpty() ? newUuid() : mutationId},
            {u"entity"_s, entity},
            {u"id"_s, id},
            {u"op"_s, u"delete"_s},
            {u"base_rev"_s, baseRev},
            {u"hlc"_s, hlc}};
}

QuantityLoad makeQuantityLoad(const QString &device, const QStringList &enterprises, int rows,
                              int batches)
{
    QuantityLoad load;
    QJsonArray create;
    QStringList surveys;
    for (const QString &enterprise : enterprises) {
        surveys.append(newUuid());
        create.append(upsertJson(u"survey"_s, surveys.constLast(), draftSurveyFields(enterprise), 0,
                                 hlcText(TestClock::kStart, device)));
    }
    for (int i = 0; i < rows; ++i) {
        load.rows.append(newUuid());
        QJsonObject fields = equipmentFields(surveys.at(i % surveys.size()));
        fields.insert(u"quantity"_s, 1);
        create.append(upsertJson(u"equipment"_s, load.rows.constLast(), fields, 0,
                                 hlcText(TestClock::kStart, device)));
    }
    load.batches.append(pushBody(device, create));
    for (int b = 1; b < batches; ++b) {
        QJsonArray edits;
        for (int i = 0; i < rows; ++i) {
            edits.append(upsertJson(u"equipment"_s, load.rows.at(i), {{u"quantity"_s, b + 1}}, b,
                                    hlcText(TestClock::kStart + b * 1000, device, quint32(i))));
        }
        load.batches.append(pushBody(device, edits));
    }
    return load;
}

QJsonObject pushBody(const QString &deviceId, const QJsonArray &mutations)
{
    return {{u"device_id"_s, deviceId}, {u"mutations"_s, mutations}};
}

QJsonObject draftSurveyFields(const QString &uscc, int period)
{
    return {{u"enterprise"_s, uscc},
            {u"period"_s, period},
            {u"state"_s, u"draft"_s},
            {u"digital_level"_s, 1},
            {u"renovation_status"_s, u"in_progress"_s}};
}

QJsonObject submittedSurveyFields(const QString &uscc, int period)
{
    return {
        {u"enterprise"_s, uscc},         {u"period"_s, period},
        {u"state"_s, u"submitted"_s},    {u"visit_date"_s, u"2024-11-20"_s},
        {u"digital_level"_s, 2},         {u"renovation_status"_s, u"in_progress"_s},
        {u"design_tools"_s, true},       {u"design_tool_kinds"_s, QJsonArray{u"cad2d"_s, u"cae"_s}},
        {u"key_processes"_s, 5},         {u"key_processes_cnc"_s, 3},
        {u"factory_tier"_s, u"none"_s},  {u"robots_total"_s, 4},
        {u"robots_added"_s, 1},          {u"tech_invest_base_10k"_s, 100},
        {u"tech_invest_10k"_s, 120},     {u"equipment_invest_base_10k"_s, 80},
        {u"equipment_invest_10k"_s, 90}, {u"first_of_kind_invest_10k"_s, 10}};
}

QJsonObject equipmentFields(const QString &surveyId, const QString &name)
{
    return {{u"survey"_s, surveyId},
            {u"category"_s, u"machine_tool"_s},
            {u"name"_s, name},
            {u"quantity"_s, 2},
            {u"commissioned_year"_s, 2012},
            {u"is_cnc"_s, true},
            {u"status"_s, u"in_service"_s}};
}

QList<QJsonObject> pullEverything(HttpClient &client, QString *error, int limit)
{
    QList<QJsonObject> changes;
    QString cursor;
    for (int page = 0; page < 100000; ++page) {
        QUrlQuery query;
        if (!cursor.isEmpty())
            query.addQueryItem(u"since"_s, cursor);
        query.addQueryItem(u"limit"_s, QString::number(limit));
        const HttpResult result = client.get(u"/api/v1/sync/pull?"_s + query.toString());
        if (result.status != 200) {
            if (error)
                *error = QString::fromUtf8(result.describe());
            return changes;
        }
        const QJsonObject body = result.json();
        for (const QJsonValue &change : body.value("changes"_L1).toArray())
            changes.append(change.toObject());
        cursor = body.value("cursor"_L1).toString();
        if (!body.value("more"_L1).toBool())
            return changes;
    }
    if (error)
        *error = u"more than 100000 pages"_s;
    return changes;
}

QString storeRecords(server::Database &db, const QList<server::StoredRecord> &records)
{
    auto transaction = server::WriteTransaction::begin(db);
    if (!transaction)
        return transaction.error().message;
    server::RecordStore store(db);
    for (qsizetype i = 0; i < records.size(); ++i) {
        server::StoredRecord record = records.at(i);
        record.fields = {};
        record.rev = 0;
        (void)server::RecordStore::applyServerChanges(
            record, records.at(i).fields,
            Hlc{TestClock::kStart, quint32(i), server::RecordStore::kServerDevice});
        record.deleted = records.at(i).deleted;
        if (auto written = store.write(record); !written)
            return written.error().message;
    }
    auto committed = transaction.value().commit();
    return committed ? QString() : committed.error().message;
}

QString storeRegistry(server::Database &db, const QList<RegistryEntry> &entries)
{
    auto transaction = server::WriteTransaction::begin(db);
    if (!transaction)
        return transaction.error().message;
    for (const RegistryEntry &entry : entries) {
        auto inserted = db.run(u"INSERT INTO registry (uscc, name, region, industry_code, "
                               "above_size, imported_at) VALUES (?, ?, ?, ?, ?, ?)"_s,
                               {entry.uscc, entry.name, entry.region, entry.industryCode,
                                entry.aboveSize ? 1 : 0, TestClock::kStart});
        if (!inserted)
            return inserted.error().message;
        // Registry writers mark the enterprise for the coverage rows (CoverageFacts).
        if (auto marked = server::CoverageFacts::markEnterprise(db, entry.uscc); !marked)
            return marked.error().message;
    }
    auto committed = transaction.value().commit();
    return committed ? QString() : committed.error().message;
}

} // namespace gx::test
