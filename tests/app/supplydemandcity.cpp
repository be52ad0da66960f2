#include "supplydemandcity.h"

#include "officecity.h"
#include "testsupport.h"

#include "app/session.h"
#include "sync/cli/cli.h"
#include "sync/store/xlsxreader.h"

#include <QBuffer>

using namespace Qt::StringLiterals;

namespace gx::test {

SupplyDemandCity::SupplyDemandCity()
{
    m_db = std::make_unique<TestDatabase>();
    if (!m_db->ok()) {
        m_error = m_db->error();
        return;
    }
    {
        QString out;
        QString err;
        QTextStream outStream(&out);
        QTextStream errStream(&err);
        QBuffer in;
        in.open(QIODevice::ReadOnly);
        server::Cli cli(outStream, errStream, in);
        const int code = cli.run(
            {u"demo"_s, u"--db"_s, m_db->url(), u"--enterprises"_s, QString::number(kEnterprises)});
        errStream.flush();
        if (code != server::Cli::kExitOk) {
            m_error = u"demo exited %1: %2"_s.arg(code).arg(err);
            return;
        }
    }
    m_server = std::make_unique<TestServer>(m_db->db());
    if (!m_server->ok()) {
        m_error = m_server->error();
        return;
    }
    m_error = addUser(m_db->db(), kUser, server::Role::Office, kPassword);
}

SupplyDemandCity::~SupplyDemandCity() = default;

void SupplyDemandCity::stopServer()
{
    m_server.reset();
}

QUrl SupplyDemandCity::baseUrl() const
{
    return m_server ? m_server->baseUrl() : QUrl();
}

QByteArray SupplyDemandCity::apiBytes(const QString &pathAndQuery) const
{
    HttpClient client(baseUrl());
    if (client.login(kUser, kPassword).isEmpty())
        return {};
    const HttpResult answer = client.get(pathAndQuery);
    return answer.status == 200 ? answer.body : QByteArray();
}

QJsonObject SupplyDemandCity::api(const QString &pathAndQuery) const
{
    HttpClient client(baseUrl());
    if (client.login(kUser, kPassword).isEmpty())
        return {};
    const HttpResult answer = client.get(pathAndQuery);
    return answer.status == 200 ? answer.json() : QJsonObject();
}

QStringList SupplyDemandCity::sheetLines(const QByteArray &xlsx)
{
    auto sheet = server::XlsxReader::firstSheet(xlsx);
    if (!sheet)
        return {};
    QStringList lines;
    for (const server::CsvRecord &record : sheet.value())
        lines.append(record.cells.join(u'\t'));
    return lines;
}

QString SupplyDemandCity::login(Session &session) const
{
    return loginAndFirstSync(session, baseUrl(), kUser, kPassword);
}

} // namespace gx::test
