#include "testsupport.h"

#include "sync/migrations.h"
#include "sync/serverassets.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QTcpSocket>
#include <QTimer>

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
    auto migrated = server::Migrations::apply(*opened.value(), TestClock::kStart);
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
    if (reply->error() != QNetworkReply::NoError && result.status == 0)
        result.networkError = reply->errorString();
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

QString serverBinary()
{
    const QString fromEnvironment = qEnvironmentVariable("GX_SERVER_BIN");
    return fromEnvironment.isEmpty() ? QStringLiteral(GX_SERVER_BIN) : fromEnvironment;
}

} // namespace gx::test
