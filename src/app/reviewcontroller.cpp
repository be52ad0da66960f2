#include "app/reviewcontroller.h"

#include "app/countyenterprisesmodel.h"
#include "app/session.h"
#include "store/devicestore.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

const QString kSurvey = QStringLiteral("survey");

} // namespace

ReviewController::ReviewController(QObject *parent)
    : QObject(parent)
{}

void ReviewController::setSession(Session *session)
{
    if (!rebindSession(m_session, session, this, {&Session::dataChanged, &Session::languageChanged},
                       &ReviewController::reload))
        return;
    m_client.setSession(session);
    emit sessionChanged();
    reload();
}

void ReviewController::setSurveyId(const QString &surveyId)
{
    if (surveyId == m_surveyId)
        return;
    m_surveyId = surveyId;
    emit surveyIdChanged();
    setResult({}, {}, {});
    reload();
}

void ReviewController::setField(const QString &field)
{
    if (field == m_field)
        return;
    m_field = field;
    emit fieldChanged();
}

QString ReviewController::fieldLabel() const
{
    if (m_field.isEmpty() || !m_session)
        return {};
    const EntityDefinition *survey = m_session->form().entity(kSurvey);
    const FieldDefinition *def = survey ? survey->field(m_field) : nullptr;
    return def ? def->label.text(m_session->uiLanguage()) : m_field;
}

QString ReviewController::reviewStateText() const
{
    return CountyEnterprisesModel::reviewStateText(m_reviewState);
}

bool ReviewController::submit(const QString &state, const QString &comment)
{
    if (m_client.isBusy())
        return false;
    const QString text = comment.trimmed();
    if (state != u"approved"_s && text.isEmpty()) {
        setResult(state == u"rejected"_s ? tr("Write why the survey is rejected.")
                                         : tr("Write what the issue is: a comment is required."),
                  u"comment"_s, {});
        return false;
    }
    QJsonObject body{{"entity"_L1, kSurvey}, {"id"_L1, m_surveyId}, {"state"_L1, state}};
    if (!text.isEmpty())
        body.insert("comment"_L1, text);
    if (!m_field.isEmpty() && state != u"approved"_s)
        body.insert("field"_L1, m_field);
    setResult({}, {}, {});
    m_client.post(u"/api/v1/reviews"_s, body, [this, state](const OfficeReply &reply) {
        emit busyChanged();
        if (!reply.ok()) {
            setResult(reply.message, reply.field, {});
            emit failed(reply.message);
            return;
        }
        const bool syncs = m_session && m_session->syncClient();
        if (syncs)
            m_session->syncNow();
        m_reviewState = state;
        m_reviewComment = reply.json.value("comment"_L1).toString();
        emit surveyChanged();
        setResult({}, {},
                  syncs ? tr("Saved: %1. It reaches the surveyor with the next sync.")
                              .arg(reviewStateText())
                        : tr("Saved: %1.").arg(reviewStateText()));
        emit reviewed(state);
    });
    emit busyChanged();
    return true;
}

void ReviewController::reload()
{
    m_found = false;
    m_enterpriseName.clear();
    m_surveyStateText.clear();
    DeviceStore *store = m_session ? m_session->store() : nullptr;
    if (store && !m_surveyId.isEmpty()) {
        auto survey = store->record(kSurvey, m_surveyId);
        if (survey && survey.value() && !survey.value()->deleted) {
            const QJsonObject &fields = survey.value()->fields;
            m_found = true;
            const QString uscc = fields.value("enterprise"_L1).toString();
            auto enterprise = store->record(u"enterprise"_s, uscc);
            m_enterpriseName = enterprise && enterprise.value()
                                   ? enterprise.value()->fields.value("name"_L1).toString(uscc)
                                   : uscc;
            m_surveyStateText = CountyEnterprisesModel::surveyStateText(
                fields.value("state"_L1).toString(u"draft"_s));
        }
        auto review = store->inbox().latestReview(kSurvey, m_surveyId);
        if (review && review.value()) {
            m_reviewState = review.value()->state;
            m_reviewComment = review.value()->comment;
        }
    }
    emit surveyChanged();
}

void ReviewController::setResult(const QString &error, const QString &errorField,
                                 const QString &message)
{
    m_error = error;
    m_errorField = errorField;
    m_message = message;
    emit resultChanged();
}

} // namespace gx
