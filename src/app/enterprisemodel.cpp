#include "app/enterprisemodel.h"

#include "app/session.h"
#include "store/devicestore.h"

#include <QJsonArray>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace gx {

EnterpriseModel::EnterpriseModel(QObject *parent)
    : QObject(parent)
{}

void EnterpriseModel::setSession(Session *session)
{
    if (!rebindSession(m_session, session, this,
                       {&Session::dataChanged, &Session::periodChanged, &Session::languageChanged},
                       &EnterpriseModel::reload))
        return;
    emit sessionChanged();
    reload();
}

void EnterpriseModel::setUscc(const QString &uscc)
{
    if (uscc == m_uscc)
        return;
    m_uscc = uscc;
    emit usccChanged();
    reload();
}

QString EnterpriseModel::displayValue(const QString &field, const QJsonValue &value) const
{
    if (value.isNull() || value.isUndefined())
        return {};
    const EntityDefinition *entity = m_session->form().entity(u"enterprise"_s);
    const FieldDefinition *def = entity ? entity->field(field) : nullptr;
    const Language lang = m_session->uiLanguage();
    if (field == u"region"_s) {
        const Region *r = m_session->regions().region(value.toString());
        return r ? r->name.text(lang) : value.toString();
    }
    if (value.isBool())
        return value.toBool() ? tr("Yes") : tr("No");
    if (def && def->type == FieldType::SingleChoice) {
        const ChoiceOption *option = def->option(value);
        if (option)
            return option->label.text(lang);
    }
    QString text = value.isDouble() ? QLocale().toString(value.toDouble(), 'g', 12)
                                    : value.toVariant().toString();
    if (def && !def->unit.isEmpty())
        text += u' ' + def->unit.text(lang);
    return text;
}

void EnterpriseModel::reload()
{
    m_exists = false;
    m_name.clear();
    m_regionName.clear();
    m_localState.clear();
    m_profile.clear();
    m_surveys.clear();
    m_reviewTasks.clear();
    m_currentSurveyId.clear();
    m_error.clear();
    DeviceStore *store = m_session ? m_session->store() : nullptr;
    if (!store || m_uscc.isEmpty()) {
        emit loaded();
        return;
    }
    auto record = store->record(u"enterprise"_s, m_uscc);
    if (!record) {
        m_error = record.error().message;
    } else if (record.value() && !record.value()->deleted) {
        const StoredRecord &r = *record.value();
        m_exists = true;
        m_localState = localStateName(r.state);
        m_name = r.fields.value("name"_L1).toString();
        m_regionName = displayValue(u"region"_s, r.fields.value("region"_L1));
        const Language lang = m_session->uiLanguage();
        if (const EntityDefinition *entity = m_session->form().entity(u"enterprise"_s)) {
            for (const FieldDefinition &f : entity->fields) {
                m_profile.append(
                    QVariantMap{{u"name"_s, f.name},
                                {u"label"_s, f.label.text(lang)},
                                {u"value"_s, displayValue(f.name, r.fields.value(f.name))}});
            }
        }
    }
    auto surveys = store->queries().surveysOf(m_uscc);
    auto tasks = store->inbox().reviewTasks();
    const EntityDefinition *surveyDef = m_session->form().entity(u"survey"_s);
    if (surveys) {
        for (const SurveySummary &s : surveys.value()) {
            int open = 0;
            if (tasks) {
                for (const ReviewTask &t : tasks.value()) {
                    if (t.entity != u"survey"_s || t.recordId != s.id)
                        continue;
                    ++open;
                    const FieldDefinition *field = surveyDef ? surveyDef->field(t.field) : nullptr;
                    m_reviewTasks.append(
                        QVariantMap{{u"id"_s, t.id},
                                    {u"surveyId"_s, s.id},
                                    {u"period"_s, s.period},
                                    {u"state"_s, t.state},
                                    {u"comment"_s, t.comment},
                                    {u"field"_s, t.field},
                                    {u"fieldLabel"_s,
                                     field ? field->label.text(m_session->uiLanguage()) : t.field},
                                    {u"reviewer"_s, t.reviewer}});
                }
            }
            if (s.period == m_session->period() && m_currentSurveyId.isEmpty())
                m_currentSurveyId = s.id;
            m_surveys.append(
                QVariantMap{{u"id"_s, s.id},
                            {u"period"_s, s.period},
                            {u"state"_s, s.state == u"submitted"_s ? s.state : u"draft"_s},
                            {u"localState"_s, localStateName(s.localState)},
                            {u"reviewTasks"_s, open}});
        }
    } else {
        m_error = surveys.error().message;
    }
    emit loaded();
}

QString EnterpriseModel::startSurvey(int period)
{
    DeviceStore *store = m_session ? m_session->store() : nullptr;
    if (!store || m_uscc.isEmpty())
        return {};
    auto surveys = store->queries().surveysOf(m_uscc);
    if (surveys) {
        for (const SurveySummary &s : surveys.value()) {
            if (s.period == period)
                return s.id;
        }
    }
    auto created = store->createRecord(
        u"survey"_s,
        QJsonObject{{u"enterprise"_s, m_uscc}, {u"period"_s, period}, {u"state"_s, u"draft"_s}});
    if (!created) {
        m_error = created.error().message;
        emit loaded();
        return {};
    }
    m_session->notifyDataChanged();
    return created.value().id;
}

} // namespace gx
