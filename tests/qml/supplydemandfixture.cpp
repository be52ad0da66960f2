#include "supplydemandfixture.h"

#include "app/session.h"

#include <QDir>
#include <QFile>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace gx {

SupplyDemandFixture::SupplyDemandFixture(QObject *parent)
    : QObject(parent)
{}

SupplyDemandFixture::~SupplyDemandFixture() = default;

QString SupplyDemandFixture::startAndLogin()
{
    if (!m_city) {
        m_city = std::make_unique<test::SupplyDemandCity>();
        if (!m_city->ok())
            return m_city->error();
    } else if (!Session::current()->token().isEmpty()) {
        return {};
    }
    return m_city->login(*Session::current());
}

QVariantMap SupplyDemandFixture::report(int period) const
{
    if (!m_city)
        return {};
    return m_city->api(u"/api/v1/stats/supply-demand?period=%1"_s.arg(period)).toVariantMap();
}

QVariantMap SupplyDemandFixture::detail(int period, const QString &region,
                                        const QString &category) const
{
    if (!m_city)
        return {};
    QUrlQuery query;
    query.addQueryItem(u"period"_s, QString::number(period));
    query.addQueryItem(u"region"_s, region);
    query.addQueryItem(u"category"_s, category);
    return m_city->api(u"/api/v1/stats/supply-demand?"_s + query.toString(QUrl::FullyEncoded))
        .toVariantMap();
}

QStringList SupplyDemandFixture::exportLines(int period) const
{
    if (!m_city)
        return {};
    return test::SupplyDemandCity::sheetLines(
        m_city->apiBytes(u"/api/v1/stats/supply-demand?period=%1&format=xlsx"_s.arg(period)));
}

QStringList SupplyDemandFixture::fileLines(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return test::SupplyDemandCity::sheetLines(file.readAll());
}

void SupplyDemandFixture::stopServer()
{
    if (m_city)
        m_city->stopServer();
}

QString SupplyDemandFixture::screenshotDir() const
{
    QString dir = qEnvironmentVariable("GX_SCREENSHOT_DIR");
    if (dir.isEmpty())
        dir = Session::current()->environment().dataDir + u"/screenshots"_s;
    QDir().mkpath(dir);
    return dir;
}

} // namespace gx
