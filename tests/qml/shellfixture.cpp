#include "shellfixture.h"

#include "sync/store/userstore.h"
#include "testsupport.h"

using namespace Qt::StringLiterals;

namespace gx {

namespace {
const QString kPassword = u"correct horse 9"_s;
} // namespace

ShellFixture::ShellFixture(QObject *parent)
    : QObject(parent)
{}

ShellFixture::~ShellFixture() = default;

QString ShellFixture::startServer()
{
    m_server.reset();
    m_db = std::make_unique<test::TestDatabase>();
    if (!m_db->ok()) {
        qWarning("ShellFixture: %s", qPrintable(m_db->error()));
        return {};
    }
    for (const auto &[name, role, region] :
         {std::tuple{u"insp"_s, server::Role::Inspector, u"331102"_s},
          std::tuple{u"office"_s, server::Role::Office, QString()}}) {
        const QString error = test::addUser(m_db->db(), name, role, kPassword, region);
        if (!error.isEmpty()) {
            qWarning("ShellFixture: %s", qPrintable(error));
            return {};
        }
    }
    m_server = std::make_unique<test::TestServer>(m_db->db());
    if (!m_server->ok()) {
        qWarning("ShellFixture: %s", qPrintable(m_server->error()));
        return {};
    }
    return m_server->baseUrl().toString();
}

void ShellFixture::stopServer()
{
    m_server.reset();
}

QString ShellFixture::password() const
{
    return kPassword;
}

QString ShellFixture::uscc(const QString &region, int n) const
{
    return test::testUscc(region, n);
}

QString ShellFixture::review(const QString &entity, const QString &id, const QString &state,
                             const QString &comment, const QString &field)
{
    if (!m_server)
        return u"no server"_s;
    test::HttpClient office(m_server->baseUrl());
    if (office.login(u"office"_s, kPassword).isEmpty())
        return u"the office cannot log in"_s;
    QJsonObject body{
        {u"entity"_s, entity}, {u"id"_s, id}, {u"state"_s, state}, {u"comment"_s, comment}};
    if (!field.isEmpty())
        body.insert(u"field"_s, field);
    const test::HttpResult result = office.postJson(u"/api/v1/reviews"_s, body);
    return result.status / 100 == 2 ? QString() : QString::fromUtf8(result.describe());
}

} // namespace gx
