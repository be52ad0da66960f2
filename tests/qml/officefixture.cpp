#include "officefixture.h"

#include "testsupport.h"

#include "app/session.h"

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

namespace gx {

OfficeFixture::OfficeFixture(QObject *parent)
    : QObject(parent)
{}

OfficeFixture::~OfficeFixture() = default;

QString OfficeFixture::startAndLogin()
{
    if (!m_city) {
        m_city = std::make_unique<test::OfficeCity>();
        if (!m_city->ok())
            return m_city->error();
    } else if (!Session::current()->token().isEmpty()) {
        return {};
    }
    return m_city->login(*Session::current());
}

QString OfficeFixture::screenshotDir() const
{
    // GX_SCREENSHOT_DIR keeps the images; otherwise they go to the suite's temporary data
    // directory, so that rendering at every size still runs in every test run.
    QString dir = qEnvironmentVariable("GX_SCREENSHOT_DIR");
    if (dir.isEmpty())
        dir = Session::current()->environment().dataDir + u"/screenshots"_s;
    QDir().mkpath(dir);
    return dir;
}

QStringList OfficeFixture::usccs() const
{
    return m_city ? m_city->usccs() : QStringList();
}

QStringList OfficeFixture::surveyIds() const
{
    return m_city ? m_city->surveyIds() : QStringList();
}

QVariant OfficeFixture::serverTarget(int period, const QString &region,
                                     const QString &indicator) const
{
    if (!m_city)
        return {};
    const QJsonValue value = m_city->targetsOnServer(period).value(region).value(indicator);
    return value.isDouble() ? QVariant(value.toDouble()) : QVariant();
}

QString OfficeFixture::writeRegistryFile(const QString &name, const QStringList &extraLines) const
{
    if (!m_city)
        return {};
    const QString path = Session::current()->environment().dataDir + u'/' + name;
    QFile file(path);
    const QByteArray bytes = test::OfficeCity::registryCsv(m_city->registryLines() + extraLines);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

QString OfficeFixture::serverEnterpriseName(const QString &uscc) const
{
    return m_city ? m_city->serverEnterpriseName(uscc) : QString();
}

QString OfficeFixture::serverReviewState(const QString &surveyId) const
{
    return latestServerReview(surveyId).value("state"_L1).toString();
}

QString OfficeFixture::serverReviewField(const QString &surveyId) const
{
    return latestServerReview(surveyId).value("field"_L1).toString();
}

QJsonObject OfficeFixture::latestServerReview(const QString &surveyId) const
{
    if (!m_city)
        return {};
    test::HttpClient client(m_city->baseUrl());
    if (client.login(test::OfficeCity::kUser, test::OfficeCity::kPassword).isEmpty())
        return {};
    QJsonObject latest;
    for (const QJsonObject &change : test::pullEverything(client)) {
        const QJsonObject fields = change.value("fields"_L1).toObject();
        if (change.value("entity"_L1).toString() == u"review"_s &&
            fields.value("record_id"_L1).toString() == surveyId)
            latest = fields;
    }
    return latest;
}

} // namespace gx
