#include "store/formversionstore.h"

#include "core/compactjson.h"
#include "store/localeditor.h"
#include "store/logging.h"
#include "store/storedatabase.h"
#include "store/transaction.h"

#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

StoreError invalid(const QString &message)
{
    return StoreError{StoreError::Code::InvalidArgument, message};
}

/** A text for a NOT NULL column: an empty one, never NULL (a null QString binds as NULL). */
QString notNull(const QString &text)
{
    return text.isNull() ? u""_s : text;
}

QJsonArray jsonArray(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

QString arrayText(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

} // namespace

FormVersionStore::FormVersionStore(StoreDatabase &db, LocalEditor &editor,
                                   std::function<qint64()> wallClockMillis)
    : m_db(db)
    , m_editor(editor)
    , m_wallClockMillis(std::move(wallClockMillis))
{}

Result<bool, StoreError> FormVersionStore::add(const StoredFormVersion &version)
{
    if (version.version < 1)
        return invalid(u"a survey definition version is at least 1, not %1"_s.arg(version.version));
    const QString text = toCompactJson(version.definition);
    if (text.toUtf8().size() > kMaxDefinitionBytes) {
        return invalid(
            u"version %1 of the survey definition is larger than %2 bytes"_s.arg(version.version)
                .arg(kMaxDefinitionBytes));
    }
    if (version.changes.size() > kMaxChanges) {
        return invalid(
            u"version %1 lists more than %2 changes"_s.arg(version.version).arg(kMaxChanges));
    }
    const auto loaded =
        FormDefinition::fromJson(text.toUtf8(), u"version %1"_s.arg(version.version));
    if (!loaded) {
        return invalid(u"version %1 of the survey definition does not load: %2"_s.arg(
            QString::number(version.version), loaded.error().toString()));
    }
    if (loaded.value().version() != version.version) {
        return invalid(
            u"the document fetched as version %1 says it is version %2"_s.arg(version.version)
                .arg(loaded.value().version()));
    }

    Transaction tx(m_db);
    if (auto done = tx.begin(); !done)
        return done.error();
    QSqlQuery &insert = m_db.statement(
        u"INSERT INTO form_versions (version, definition, published_at, published_by, changes,"
        u" stored_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (version) DO NOTHING"_s);
    insert.bindValue(0, version.version);
    insert.bindValue(1, text);
    insert.bindValue(2, notNull(version.publishedAt));
    insert.bindValue(3, notNull(version.publishedBy));
    insert.bindValue(4, arrayText(version.changes));
    insert.bindValue(5, m_wallClockMillis());
    if (auto done = m_db.exec(insert); !done)
        return done.error();
    const bool added = insert.numRowsAffected() > 0;
    if (added && version.version > m_editor.formVersion()) {
        QSqlQuery &meta =
            m_db.statement(u"INSERT INTO meta (key, value) VALUES ('form_version', ?)"
                           u" ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
        meta.bindValue(0, QString::number(version.version));
        if (auto done = m_db.exec(meta); !done)
            return done.error();
    }
    if (auto done = tx.commit(); !done)
        return done.error();
    m_editor.learnDefinition(loaded.value());
    if (added && version.version > m_editor.formVersion()) {
        qCInfo(lcStore) << "survey definition version" << version.version
                        << "stored; edits are made on it from now on";
        m_editor.setFormVersion(version.version);
    }
    return added;
}

Result<QList<int>, StoreError> FormVersionStore::versions()
{
    QSqlQuery &q = m_db.statement(u"SELECT version FROM form_versions ORDER BY version"_s);
    if (auto done = m_db.exec(q); !done)
        return done.error();
    QList<int> out;
    while (q.next())
        out.append(q.value(0).toInt());
    q.finish();
    return out;
}

Result<int, StoreError> FormVersionStore::newest()
{
    QSqlQuery &q = m_db.statement(u"SELECT coalesce(max(version), 0) FROM form_versions"_s);
    if (auto done = m_db.exec(q); !done)
        return done.error();
    const int version = q.next() ? q.value(0).toInt() : 0;
    q.finish();
    return version;
}

Result<std::optional<StoredFormVersion>, StoreError> FormVersionStore::find(int version)
{
    QSqlQuery &q = m_db.statement(
        u"SELECT definition, published_at, published_by, changes, stored_at FROM form_versions"
        u" WHERE version = ?"_s);
    q.bindValue(0, version);
    if (auto done = m_db.exec(q); !done)
        return done.error();
    std::optional<StoredFormVersion> found;
    if (q.next()) {
        found = StoredFormVersion{version,
                                  QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object(),
                                  q.value(1).toString(),
                                  q.value(2).toString(),
                                  jsonArray(q.value(3).toString()),
                                  q.value(4).toLongLong()};
    }
    q.finish();
    return found;
}

Result<std::optional<FormDefinition>, StoreError> FormVersionStore::definition(int version)
{
    const auto found = find(version);
    if (!found)
        return found.error();
    if (!found.value())
        return std::optional<FormDefinition>();
    auto loaded = FormDefinition::fromJson(toCompactJson(found.value()->definition).toUtf8(),
                                           u"%1 (version %2)"_s.arg(m_db.path()).arg(version));
    if (!loaded) {
        return StoreError{StoreError::Code::Database,
                          u"the stored version %1 of the survey definition does not load: %2"_s.arg(
                              QString::number(version), loaded.error().toString())};
    }
    return std::optional<FormDefinition>(std::move(loaded).value());
}

Result<QList<int>, StoreError> FormVersionStore::missing()
{
    QSqlQuery &q =
        m_db.statement(u"SELECT DISTINCT v FROM (SELECT form_version AS v FROM records"
                       u" UNION SELECT form_version FROM outbox) WHERE v >= 1"
                       u" AND v NOT IN (SELECT version FROM form_versions) ORDER BY v"_s);
    if (auto done = m_db.exec(q); !done)
        return done.error();
    QList<int> out;
    while (q.next())
        out.append(q.value(0).toInt());
    q.finish();
    return out;
}

Result<int, StoreError> FormVersionStore::noticedVersion()
{
    QSqlQuery &q = m_db.statement(u"SELECT value FROM meta WHERE key = 'form_version_noticed'"_s);
    if (auto done = m_db.exec(q); !done)
        return done.error();
    const int version = q.next() ? q.value(0).toString().toInt() : 1;
    q.finish();
    return std::max(1, version);
}

Status<StoreError> FormVersionStore::setNoticedVersion(int version)
{
    if (version < 1)
        return invalid(u"a survey definition version is at least 1, not %1"_s.arg(version));
    QSqlQuery &q =
        m_db.statement(u"INSERT INTO meta (key, value) VALUES ('form_version_noticed', ?)"
                       u" ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
    q.bindValue(0, QString::number(version));
    if (auto done = m_db.exec(q); !done)
        return done.error();
    return Done{};
}

} // namespace gx
