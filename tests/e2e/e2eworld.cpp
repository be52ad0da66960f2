#include "e2eworld.h"

#include <QJsonDocument>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace gx::e2e {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject draftSurvey(const QString &uscc, int period)
{
    return {{u"enterprise"_s, uscc},
            {u"period"_s, period},
            {u"state"_s, u"draft"_s},
            {u"digital_level"_s, 1},
            {u"renovation_status"_s, u"in_progress"_s}};
}

QJsonObject equipmentRow(const QString &surveyId, const QString &name)
{
    return {{u"survey"_s, surveyId},
            {u"category"_s, u"machine_tool"_s},
            {u"name"_s, name},
            {u"quantity"_s, 2},
            {u"commissioned_year"_s, 2012},
            {u"is_cnc"_s, true},
            {u"status"_s, u"in_service"_s}};
}

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
    return usccFor(kRegion, n);
}

QString E2eWorld::otherEnterprise(int n)
{
    return usccFor(kOtherRegion, 500'000 + n);
}

QString E2eWorld::setUp(int enterprises)
{
    if (!m_server.ok() || !m_dir.isValid())
        return u"no temporary directory"_s;
    QList<RegistryLine> registry;
    for (int n = 1; n <= std::max(enterprises, kEnterprises); ++n)
        registry.append({enterprise(n), u"莲都企业%1"_s.arg(n), kRegion});
    for (int n = 1; n <= kOtherEnterprises; ++n)
        registry.append({otherEnterprise(n), u"青田企业%1"_s.arg(n), kOtherRegion});
    QString why = m_server.importRegistry(registry);
    for (const auto &[name, role, region] : {std::tuple{u"insp.a"_s, u"inspector"_s, kRegion},
                                             std::tuple{u"insp.b"_s, u"inspector"_s, kRegion},
                                             std::tuple{u"insp.c"_s, u"inspector"_s, kOtherRegion},
                                             std::tuple{u"office"_s, u"office"_s, QString()}}) {
        if (why.isEmpty())
            why = m_server.addUser(name, role, kPassword, region);
    }
    if (why.isEmpty())
        why = m_server.start();
    if (!why.isEmpty())
        return why;
    m_office = std::make_unique<BlockingHttp>(m_server.baseUrl());
    return m_office->login(u"office"_s, kPassword);
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
        const QString failed = device->login(user, kPassword);
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
    return m_office->pullAll(why);
}

} // namespace gx::e2e
