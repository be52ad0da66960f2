#include "app/surveycontroller.h"

#include "app/session.h"
#include "core/validator.h"
#include "store/devicestore.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace gx {

SurveyController::SurveyController(QObject *parent)
    : QObject(parent)
    , m_issues(this)
{}

void SurveyController::setSession(Session *session)
{
    if (!rebindSession(m_session, session, this, {&Session::dataChanged},
                       &SurveyController::reload))
        return;
    emit sessionChanged();
    reload();
}

void SurveyController::setSurveyId(const QString &surveyId)
{
    if (surveyId == m_surveyId)
        return;
    m_surveyId = surveyId;
    m_issues.setIssues({});
    emit surveyIdChanged();
    reload();
}

void SurveyController::reload()
{
    DeviceStore *store = m_session ? m_session->store() : nullptr;
    m_loaded = false;
    if (store && !m_surveyId.isEmpty()) {
        auto survey = store->record(u"survey"_s, m_surveyId);
        if (survey && survey.value() && !survey.value()->deleted) {
            const QJsonObject &fields = survey.value()->fields;
            m_loaded = true;
            m_state = fields.value(u"state"_s).toString();
            m_period = fields.value(u"period"_s).toInt();
            m_enterpriseId = fields.value(u"enterprise"_s).toString();
            auto enterprise = store->record(u"enterprise"_s, m_enterpriseId);
            m_enterpriseName = enterprise && enterprise.value()
                                   ? enterprise.value()->fields.value(u"name"_s).toString()
                                   : m_enterpriseId;
        }
    }
    emit surveyChanged();
}

int SurveyController::check()
{
    DeviceStore *store = m_session ? m_session->store() : nullptr;
    QList<SubmitIssueModel::Issue> found;
    auto view = store ? store->queries().survey(m_surveyId)
                      : Result<std::optional<SurveyView>, StoreError>(std::nullopt);
    if (!view || !view.value()) {
        setLastError(view ? tr("The survey is not on this device.") : view.error().message);
        m_issues.setIssues({});
        m_errorCount = 0;
        emit checked();
        return 0;
    }
    const FormDefinition &form = m_session->form();
    const Language language = m_session->uiLanguage();
    ValidationContext context;
    context.today = QDateTime::fromMSecsSinceEpoch(m_session->now()).date();
    context.regionCodes = m_session->regions().regionCodes();
    const Validator validator(form, context);

    auto judge = [&](const QString &entity, const QString &id, const QJsonObject &fields,
                     const QString &rowTitle) {
        const EntityDefinition *def = form.entity(entity);
        for (const ValidationIssue &issue :
             validator.validate(entity, fields, ValidationMode::Submit)) {
            const FieldDefinition *field = def ? def->field(issue.field) : nullptr;
            found.append({entity, id, issue.field,
                          field ? field->label.text(language) : issue.field, rowTitle,
                          issue.message.text(language), issue.severity == Severity::Error});
        }
    };
    judge(u"survey"_s, m_surveyId, view.value()->survey.fields, {});
    auto judgeRows = [&](const QList<RowSummary> &rows, const QString &entity) {
        const EntityDefinition *def = form.entity(entity);
        const QString kind = def ? def->label.text(language) : entity;
        int n = 0;
        for (const RowSummary &row : rows) {
            ++n;
            const QString title = row.title.isEmpty() ? QString::number(n) : row.title;
            judge(entity, row.id, row.fields(), kind + u" " + QString::number(n) + u"：" + title);
        }
    };
    judgeRows(view.value()->equipment, u"equipment"_s);
    judgeRows(view.value()->keyProcesses, u"key_process"_s);

    m_errorCount = int(std::count_if(found.cbegin(), found.cend(),
                                     [](const SubmitIssueModel::Issue &i) { return i.error; }));
    m_issues.setIssues(std::move(found));
    setLastError({});
    emit checked();
    return m_errorCount;
}

bool SurveyController::submit()
{
    if (check() > 0 || !m_loaded)
        return false;
    auto receipt = m_session->store()->setField(u"survey"_s, m_surveyId, u"state"_s,
                                                QJsonValue(u"submitted"_s));
    if (!receipt) {
        setLastError(receipt.error().message);
        return false;
    }
    m_session->notifyDataChanged();
    return true;
}

void SurveyController::setLastError(const QString &error)
{
    if (error == m_lastError)
        return;
    m_lastError = error;
    emit lastErrorChanged();
}

} // namespace gx
