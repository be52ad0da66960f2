#include "app/enterprisedraft.h"

#include "app/session.h"
#include "core/validator.h"
#include "store/devicestore.h"

#include <QDate>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace gx {

namespace {
const QStringList kFields = {u"uscc"_s, u"name"_s, u"region"_s, u"industry_code"_s,
                             u"above_size"_s};
} // namespace

EnterpriseDraft::EnterpriseDraft(QObject *parent)
    : QObject(parent)
{}

void EnterpriseDraft::setSession(Session *session)
{
    if (!rebindSession(m_session, session, this, {{&Session::languageChanged, [this] {
                                                       validate();
                                                       emit sessionChanged();
                                                   }}}))
        return;
    if (session && m_region.isEmpty())
        m_region = session->region();
    validate();
    emit sessionChanged();
}

void EnterpriseDraft::setUscc(const QString &uscc)
{
    m_uscc = uscc.trimmed().toUpper();
    touch(u"uscc"_s);
}

void EnterpriseDraft::setName(const QString &name)
{
    m_name = name.trimmed();
    touch(u"name"_s);
}

void EnterpriseDraft::setRegion(const QString &region)
{
    if (regionFixed())
        return;
    m_region = region;
    touch(u"region"_s);
}

void EnterpriseDraft::setIndustryCode(const QString &code)
{
    m_industryCode = code.trimmed();
    touch(u"industry_code"_s);
}

void EnterpriseDraft::setAboveSize(bool aboveSize)
{
    m_aboveSize = aboveSize;
    touch(u"above_size"_s);
}

bool EnterpriseDraft::regionFixed() const
{
    return m_session && m_session->role() == u"inspector"_s && !m_session->region().isEmpty();
}

QVariantList EnterpriseDraft::regions() const
{
    QVariantList out;
    if (!m_session)
        return out;
    for (const Region &r : m_session->regions().regions())
        out.append(
            QVariantMap{{u"code"_s, r.code}, {u"name"_s, r.name.text(m_session->uiLanguage())}});
    return out;
}

QVariantMap EnterpriseDraft::labels() const
{
    QVariantMap out;
    const EntityDefinition *entity =
        m_session ? m_session->form().entity(u"enterprise"_s) : nullptr;
    if (!entity)
        return out;
    for (const QString &name : kFields) {
        if (const FieldDefinition *f = entity->field(name))
            out.insert(name, f->label.text(m_session->uiLanguage()));
    }
    return out;
}

void EnterpriseDraft::touch(const QString &field)
{
    if (!m_touched.contains(field))
        m_touched.append(field);
    m_error.clear();
    validate();
}

void EnterpriseDraft::validate()
{
    m_allErrors.clear();
    m_errors.clear();
    if (!m_session) {
        emit changed();
        return;
    }
    const QJsonObject fields{{u"uscc"_s, m_uscc},
                             {u"name"_s, m_name},
                             {u"region"_s, m_region},
                             {u"industry_code"_s, m_industryCode},
                             {u"above_size"_s, m_aboveSize}};
    const Validator validator(
        m_session->form(),
        ValidationContext{QDate::currentDate(), m_session->regions().regionCodes()});
    const Language lang = m_session->uiLanguage();
    // Draft mode judges what is typed; the add screen also needs each of its fields answered.
    for (const ValidationIssue &issue :
         validator.validate(u"enterprise"_s, fields, ValidationMode::Draft)) {
        if (issue.severity == Severity::Error && !m_allErrors.contains(issue.field))
            m_allErrors.insert(issue.field, issue.message.text(lang));
    }
    for (const QString &name : {u"uscc"_s, u"name"_s, u"region"_s, u"industry_code"_s}) {
        if (fields.value(name).toString().isEmpty() && !m_allErrors.contains(name))
            m_allErrors.insert(name, tr("Required."));
    }
    for (auto it = m_allErrors.cbegin(); it != m_allErrors.cend(); ++it) {
        if (m_touched.contains(it.key()))
            m_errors.insert(it.key(), it.value());
    }
    emit changed();
}

QString EnterpriseDraft::create()
{
    m_touched = kFields;
    validate();
    DeviceStore *store = m_session ? m_session->store() : nullptr;
    if (!store || !isValid())
        return {};
    auto existing = store->record(u"enterprise"_s, m_uscc);
    if (existing && existing.value() && !existing.value()->deleted) {
        m_error = tr("An enterprise with this USCC is already on this device.");
        emit changed();
        return {};
    }
    const QJsonObject fields{{u"uscc"_s, m_uscc},
                             {u"name"_s, m_name},
                             {u"region"_s, m_region},
                             {u"industry_code"_s, m_industryCode},
                             {u"above_size"_s, m_aboveSize}};
    auto created = store->createRecord(u"enterprise"_s, fields, m_uscc);
    if (!created) {
        m_error = created.error().message;
        emit changed();
        return {};
    }
    m_session->notifyDataChanged();
    return m_uscc;
}

} // namespace gx
