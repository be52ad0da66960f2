#include "sync/records/scoperesolver.h"

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

/** Rejection codes of scope resolution. */
const QString kUnknownEnterprise = u"unknown_enterprise"_s;
const QString kUnknownParent = u"unknown_parent"_s;

QString anchorKey(const QString &entity, const QString &id)
{
    return entity + u'/' + id;
}

} // namespace

void ScopeResolver::forget(const QString &entity, const QString &id)
{
    m_anchors.remove(anchorKey(entity, id));
}

std::optional<std::pair<QString, QString>> ScopeResolver::anchorOf(const QString &entity,
                                                                   const QJsonObject &fields) const
{
    if (entity == SyncEntity::Survey)
        return std::pair{QString(SyncEntity::Enterprise), fields.value("enterprise"_L1).toString()};
    const EntityDefinition *definition = m_form.entity(entity);
    if (!definition || !definition->isRepeatGroup())
        return std::nullopt;
    return std::pair{definition->parent, fields.value(definition->parentField).toString()};
}

Result<ScopeResolver::Resolution, DbError>
ScopeResolver::resolve(const QString &entity, const QString &id, const QJsonObject &fields)
{
    if (entity == SyncEntity::Enterprise)
        return Resolution(RecordScope{fields.value("region"_L1).toString(), id});
    if (entity == SyncEntity::Survey)
        return surveyScope(fields);
    if (const EntityDefinition *definition = m_form.entity(entity);
        definition && definition->isCityWide())
        return Resolution(RecordScope::cityWide());
    return childScope(entity, fields);
}

Result<ScopeResolver::Resolution, DbError> ScopeResolver::surveyScope(const QJsonObject &fields)
{
    const QString uscc = fields.value("enterprise"_L1).toString();
    if (uscc.isEmpty()) {
        return Resolution(SyncError{kUnknownEnterprise,
                                    u"A survey needs the USCC of its enterprise in "
                                    "'enterprise'. 调查须填写所属企业的统一社会信用代码。"_s,
                                    u"enterprise"_s,
                                    {}});
    }
    const QString key = anchorKey(SyncEntity::Enterprise, uscc);
    if (const auto known = m_anchors.constFind(key); known != m_anchors.cend())
        return Resolution(*known);
    auto enterprise = m_records.get(SyncEntity::Enterprise, uscc);
    if (!enterprise)
        return enterprise.error();
    if (!enterprise.value() || enterprise.value()->deleted) {
        return Resolution(
            SyncError{kUnknownEnterprise,
                      u"There is no enterprise %1: it must be in the registry or pushed before "
                      "its survey. 企业%1不存在：须先由名录导入或先行上传。"_s.arg(uscc),
                      u"enterprise"_s,
                      {}});
    }
    auto registry = m_statements.exec(u"SELECT region FROM registry WHERE uscc = ?"_s, {uscc});
    if (!registry)
        return registry.error();
    QSqlQuery &q = *registry.value();
    const QString region = q.next() ? q.value(0).toString() : enterprise.value()->region;
    q.finish();
    m_anchors.insert(key, RecordScope{region, uscc});
    return Resolution(RecordScope{region, uscc});
}

Result<ScopeResolver::Resolution, DbError> ScopeResolver::childScope(const QString &entity,
                                                                     const QJsonObject &fields)
{
    const EntityDefinition *definition = m_form.entity(entity);
    if (!definition || !definition->isRepeatGroup())
        return Resolution(RecordScope{});
    const QString parentId = fields.value(definition->parentField).toString();
    const QString key = anchorKey(definition->parent, parentId);
    if (const auto known = m_anchors.constFind(key); known != m_anchors.cend())
        return Resolution(*known);
    auto parent = parentId.isEmpty()
                      ? Result<std::optional<StoredRecord>, DbError>(std::optional<StoredRecord>())
                      : m_records.get(definition->parent, parentId);
    if (!parent)
        return parent.error();
    if (!parent.value() || parent.value()->deleted) {
        return Resolution(
            SyncError{kUnknownParent,
                      u"There is no %1 '%2' for this %3: push the %1 first. 所属%1不存在。"_s.arg(
                          definition->parent, parentId, entity),
                      definition->parentField,
                      {}});
    }
    const RecordScope scope{parent.value()->region, parent.value()->enterprise};
    m_anchors.insert(key, scope);
    return Resolution(scope);
}

} // namespace gx::server
