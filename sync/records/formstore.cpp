#include "sync/records/formstore.h"

#include "sync/store/auditlog.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

const QString kInsertSql =
    u"INSERT INTO form_versions (version, definition, published_at, published_by, changes) "
    "VALUES (?, ?, ?, ?, ?)"_s;

QString compactText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString compactText(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<FormChange> changesFromText(const QString &text)
{
    QList<FormChange> out;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &v : array) {
        const auto kind = formChangeKindFromName(v["kind"_L1].toString());
        if (kind)
            out.append(FormChange{*kind, v["entity"_L1].toString(), v["field"_L1].toString()});
    }
    return out;
}

PublishProblem storageProblem(const DbError &error)
{
    return PublishProblem{{}, {}, error.message, error};
}

DbError corrupt(int version, const QString &why)
{
    return DbError{
        DbError::Kind::Schema,
        u"form_versions holds a version %1 that does not load: %2"_s.arg(version).arg(why), false};
}

} // namespace

QJsonObject FormVersionInfo::toJson() const
{
    return QJsonObject{
        {u"version"_s, version},
        {u"published_at"_s,
         QDateTime::fromMSecsSinceEpoch(publishedAt, Qt::UTC).toString(Qt::ISODateWithMs)},
        {u"published_by"_s,
         publishedBy.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(publishedBy)},
        {u"changes"_s, formChangesToJson(changes)}};
}

QJsonObject PublishOutcome::toJson() const
{
    return QJsonObject{{u"version"_s, version}, {u"changes"_s, formChangesToJson(changes)}};
}

DbStatus FormStore::seed(Database &db, const FormDefinition &first, qint64 now)
{
    // The first version is 1 whatever the file says: every mutation without form_version is 1.
    QJsonObject json = first.json();
    json.insert(u"version"_s, 1);
    return db.run(kInsertSql, {1, compactText(json), now, QVariant(), u"[]"_s});
}

Result<QList<FormVersionInfo>, DbError> FormStore::list()
{
    auto query = m_db.exec(u"SELECT version, published_at, published_by, changes FROM "
                           "form_versions ORDER BY version"_s);
    if (!query)
        return query.error();
    QList<FormVersionInfo> out;
    QSqlQuery &q = query.value();
    while (q.next()) {
        out.append(FormVersionInfo{q.value(0).toInt(), q.value(1).toLongLong(),
                                   q.value(2).toString(), changesFromText(q.value(3).toString())});
    }
    return out;
}

Result<int, DbError> FormStore::currentVersion()
{
    auto query = m_db.exec(u"SELECT COALESCE(MAX(version), 0) FROM form_versions"_s);
    if (!query)
        return query.error();
    return query.value().next() ? query.value().value(0).toInt() : 0;
}

Result<QList<FormDefinition>, DbError> FormStore::definitions(int after)
{
    auto query = m_db.exec(
        u"SELECT version, definition FROM form_versions WHERE version > ? ORDER BY version"_s,
        {after});
    if (!query)
        return query.error();
    QList<FormDefinition> out;
    QSqlQuery &q = query.value();
    while (q.next()) {
        const int version = q.value(0).toInt();
        auto loaded = FormDefinition::fromJson(q.value(1).toString().toUtf8(),
                                               u"form_versions(%1)"_s.arg(version));
        if (!loaded)
            return corrupt(version, loaded.error().toString());
        if (loaded.value().version() != version)
            return corrupt(version,
                           u"its document says version %1"_s.arg(loaded.value().version()));
        out.append(std::move(loaded).value());
    }
    return out;
}

Result<PublishOutcome, PublishProblem> FormStore::check(const FormDefinition &candidate,
                                                        const FormDefinition &current) const
{
    if (candidate.version() != current.version() + 1) {
        return PublishProblem{
            FormErrorCode::VersionConflict,
            u"version"_s,
            u"The current version is %1, so the next one must say \"version\": %2, not %3 "
            "(someone may have published meanwhile: fetch the current one and start from it)."_s
                .arg(current.version())
                .arg(current.version() + 1)
                .arg(candidate.version()),
            {}};
    }
    auto changes = compareForms(current, candidate);
    if (!changes) {
        const FormIncompatibility &why = changes.error();
        return PublishProblem{FormErrorCode::IncompatibleForm,
                              why.field,
                              u"Version %1 cannot follow version %2: it %3 (%4). A new version "
                              "may only add fields, options, sections and rules, and change "
                              "labels, hints, relevance, limits and required."_s.arg(
                                  QString::number(candidate.version()),
                                  QString::number(current.version()), why.reason, why.field),
                              {}};
    }
    return PublishOutcome{candidate.version(), std::move(changes).value(), false};
}

Result<PublishOutcome, PublishProblem>
FormStore::publish(const QByteArray &json, const QString &actor, bool dryRun, qint64 now)
{
    if (json.size() > kMaxDefinitionBytes) {
        return PublishProblem{
            FormErrorCode::InvalidForm,
            QString(),
            u"The definition is %1 bytes; at most %2 are accepted."_s.arg(json.size())
                .arg(kMaxDefinitionBytes),
            {}};
    }
    auto candidate = FormDefinition::fromJson(json, u"the definition"_s);
    if (!candidate) {
        const DefinitionError &error = candidate.error();
        return PublishProblem{
            FormErrorCode::InvalidForm,
            error.field.isEmpty() ? QString() : error.field,
            u"The definition does not load: %1"_s.arg(
                error.field.isEmpty() ? error.reason : error.field + u": "_s + error.reason),
            {}};
    }
    auto transaction = WriteTransaction::begin(m_db);
    if (!transaction)
        return storageProblem(transaction.error());
    // Read under the writer lock: two publishes of the same next version, one wins.
    auto stored = definitions(0);
    if (!stored)
        return storageProblem(stored.error());
    if (stored.value().isEmpty())
        return storageProblem(corrupt(1, u"there is no version at all"_s));
    auto outcome = check(candidate.value(), stored.value().constLast());
    if (!outcome || dryRun)
        return outcome;
    const QJsonArray changes = formChangesToJson(outcome.value().changes);
    if (auto written = m_db.run(kInsertSql,
                                {candidate.value().version(), compactText(candidate.value().json()),
                                 now, actor, compactText(changes)});
        !written)
        return storageProblem(written.error());
    if (auto audited = AuditLog::record(
            m_db, now, actor, AuditAction::FormPublished,
            QJsonObject{{u"version"_s, candidate.value().version()}, {u"changes"_s, changes}});
        !audited)
        return storageProblem(audited.error());
    if (auto committed = transaction.value().commit(); !committed)
        return storageProblem(committed.error());
    outcome.value().stored = true;
    return outcome;
}

Result<FormVersions, DbError> FormVersions::load(Database &db)
{
    FormVersions versions;
    if (auto loaded = versions.refresh(db); !loaded)
        return loaded.error();
    if (versions.m_versions.empty())
        return corrupt(1, u"there is no version at all"_s);
    return versions;
}

const FormDefinition &FormVersions::current() const
{
    return m_versions.rbegin()->second;
}

DbStatus FormVersions::refresh(Database &db)
{
    const int highest = m_versions.empty() ? 0 : m_versions.rbegin()->first;
    auto newer = FormStore(db).definitions(highest);
    if (!newer)
        return newer.error();
    for (FormDefinition &form : newer.value()) {
        const int version = form.version();
        m_versions.emplace(version, std::move(form));
    }
    return Done{};
}

Result<const FormDefinition *, DbError> FormVersions::find(Database &db, int version)
{
    if (m_versions.empty() || version > m_versions.rbegin()->first) {
        if (auto refreshed = refresh(db); !refreshed)
            return refreshed.error();
    }
    const auto it = m_versions.find(version);
    return it == m_versions.end() ? nullptr : &it->second;
}

QList<const FormDefinition *> FormVersions::all() const
{
    QList<const FormDefinition *> out;
    for (const auto &[version, form] : m_versions)
        out.append(&form);
    return out;
}

} // namespace gx::server
