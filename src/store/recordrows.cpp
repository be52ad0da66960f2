#include "store/recordrows.h"

#include "core/compactjson.h"
#include "store/storedatabase.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace gx::detail {

namespace {

bool isAsciiName(QStringView text, bool allowUpper)
{
    if (text.isEmpty() || text.size() > 64)
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        const bool lower = c >= u'a' && c <= u'z';
        const bool upper = allowUpper && c >= u'A' && c <= u'Z';
        const bool digitOrUnderscore = (c >= u'0' && c <= u'9') || c == u'_';
        if (!(lower || upper || (i > 0 && digitOrUnderscore)))
            return false;
    }
    return true;
}

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

void bindRecord(QSqlQuery &q, const StoredRecord &r)
{
    q.bindValue(0, r.entity);
    q.bindValue(1, r.id);
    q.bindValue(2, jsonText(r.fields));
    q.bindValue(3, r.serverRev);
    q.bindValue(4, static_cast<int>(r.state));
    q.bindValue(5, r.rejection ? nullable(r.rejection->code) : nullable({}));
    q.bindValue(6, r.rejection ? nullable(r.rejection->message) : nullable({}));
    q.bindValue(7, r.rejection ? nullable(r.rejection->field) : nullable({}));
    q.bindValue(8, r.rejection ? nullable(r.rejection->existingId) : nullable({}));
    q.bindValue(9, r.deleted ? 1 : 0);
    q.bindValue(10, nullable(r.parentId));
    q.bindValue(11, r.updatedAt);
    q.bindValue(12, r.formVersion);
}

} // namespace

QString jsonText(const QJsonObject &object)
{
    return toCompactJson(object);
}

QJsonObject jsonObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QString parentFieldOf(const QString &entity)
{
    if (entity == u"survey"_s)
        return u"enterprise"_s;
    if (entity == u"equipment"_s || entity == u"key_process"_s)
        return u"survey"_s;
    return {};
}

QStringList childEntitiesOf(const QString &entity)
{
    if (entity == u"survey"_s)
        return {u"equipment"_s, u"key_process"_s};
    if (entity == u"enterprise"_s)
        return {u"survey"_s};
    return {};
}

QString parentIdOf(const QString &entity, const QJsonObject &fields)
{
    const QString field = parentFieldOf(entity);
    return field.isEmpty() ? QString() : fields.value(field).toString();
}

std::optional<StoreError> checkEntityName(const QString &entity)
{
    if (isAsciiName(entity, false))
        return std::nullopt;
    return StoreError{StoreError::Code::InvalidArgument,
                      u"'%1' is not an entity name ([a-z][a-z0-9_]*, at most 64)"_s.arg(entity)};
}

std::optional<StoreError> checkRecordId(const QString &id)
{
    bool ok = !id.isEmpty() && id.size() <= 128;
    for (const QChar c : id)
        ok = ok && c.category() != QChar::Other_Control && !c.isSurrogate();
    if (ok)
        return std::nullopt;
    return StoreError{
        StoreError::Code::InvalidArgument,
        u"'%1' is not a record id (1..128 characters, no control characters)"_s.arg(id.left(140))};
}

std::optional<StoreError> checkFieldNames(const QJsonObject &fields)
{
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (!isAsciiName(it.key(), true)) {
            return StoreError{StoreError::Code::InvalidArgument,
                              u"'%1' is not a field name ([A-Za-z][A-Za-z0-9_]*, at most 64)"_s.arg(
                                  it.key().left(80))};
        }
    }
    return std::nullopt;
}

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool sameValue(const QJsonValue &a, const QJsonValue &b)
{
    const bool noA = a.isNull() || a.isUndefined();
    const bool noB = b.isNull() || b.isUndefined();
    if (noA || noB)
        return noA == noB;
    return a == b;
}

StoredRecord recordFromRow(const QSqlQuery &q, int first)
{
    StoredRecord r;
    r.entity = q.value(first).toString();
    r.id = q.value(first + 1).toString();
    r.fields = jsonObject(q.value(first + 2).toString());
    r.serverRev = q.value(first + 3).toLongLong();
    r.state = static_cast<LocalState>(q.value(first + 4).toInt());
    if (r.state == LocalState::Rejected) {
        r.rejection = SyncError{q.value(first + 5).toString(), q.value(first + 6).toString(),
                                q.value(first + 7).toString(), q.value(first + 8).toString()};
    }
    r.deleted = q.value(first + 9).toInt() != 0;
    r.parentId = q.value(first + 10).toString();
    r.updatedAt = q.value(first + 11).toLongLong();
    r.formVersion = q.value(first + 12).toInt();
    return r;
}

RecordRows::RecordRows(StoreDatabase &db)
    : m_db(db)
{}

Result<std::optional<StoredRecord>, StoreError> RecordRows::read(const QString &entity,
                                                                 const QString &id)
{
    QSqlQuery &q = m_db.statement(u"SELECT "_s + kRecordColumns +
                                  u" FROM records WHERE entity = ? AND id = ?"_s);
    q.bindValue(0, entity);
    q.bindValue(1, id);
    if (auto done = m_db.exec(q); !done)
        return done.error();
    std::optional<StoredRecord> record;
    if (q.next())
        record = recordFromRow(q);
    q.finish();
    return record;
}

Status<StoreError> RecordRows::insert(const StoredRecord &record)
{
    QSqlQuery &q = m_db.statement(u"INSERT INTO records ("_s + kRecordColumns +
                                  u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    bindRecord(q, record);
    return m_db.exec(q);
}

Status<StoreError> RecordRows::update(const StoredRecord &record)
{
    QSqlQuery &q = m_db.statement(
        u"UPDATE records SET entity = ?, id = ?, fields = ?, server_rev = ?, local_state = ?,"
        u" reject_code = ?, reject_message = ?, reject_field = ?, reject_existing_id = ?,"
        u" deleted = ?, parent_id = ?, updated_at = ?, form_version = ?"
        u" WHERE entity = ? AND id = ?"_s);
    bindRecord(q, record);
    q.bindValue(13, record.entity);
    q.bindValue(14, record.id);
    return m_db.exec(q);
}

Status<StoreError> RecordRows::updateEdited(const StoredRecord &before, const StoredRecord &after)
{
    if (before.state != after.state || before.rejection != after.rejection ||
        before.parentId != after.parentId || before.deleted != after.deleted ||
        before.serverRev != after.serverRev || before.formVersion != after.formVersion)
        return update(after);
    QSqlQuery &q = m_db.statement(
        u"UPDATE records SET fields = ?, updated_at = ? WHERE entity = ? AND id = ?"_s);
    q.bindValue(0, jsonText(after.fields));
    q.bindValue(1, after.updatedAt);
    q.bindValue(2, after.entity);
    q.bindValue(3, after.id);
    return m_db.exec(q);
}

Status<StoreError> RecordRows::remove(const QString &entity, const QString &id)
{
    QSqlQuery &q = m_db.statement(u"DELETE FROM records WHERE entity = ? AND id = ?"_s);
    q.bindValue(0, entity);
    q.bindValue(1, id);
    return m_db.exec(q);
}

} // namespace gx::detail
