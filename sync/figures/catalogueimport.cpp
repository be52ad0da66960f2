#include "sync/figures/catalogueimport.h"

#include "core/validator.h"
#include "sync/records/recordscope.h"
#include "sync/records/recordstore.h"
#include "sync/store/auditlog.h"
#include "sync/store/xlsxreader.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

/** The namespace of the catalogue's name-based ids (UUID v5 of "entity\nkey\nkey..."). */
const QUuid kIdNamespace(u"6b1d2c4e-5f3a-4e8b-9c7d-0a1b2c3d4e5f"_s);

QString bilingual(const QString &en, const QString &zh)
{
    return u"%1. %2"_s.arg(en, zh);
}

std::optional<bool> parseBool(const QString &text)
{
    const QString t = text.toLower();
    if (t == "true"_L1 || t == "1"_L1 || t == u"是"_s)
        return true;
    if (t == "false"_L1 || t == "0"_L1 || t == u"否"_s)
        return false;
    return std::nullopt;
}

/** An option by its value or its Chinese or English label. */
std::optional<QJsonValue> parseOption(const FieldDefinition &field, const QString &text)
{
    for (const ChoiceOption &option : field.options) {
        const QString value = option.value.isString() ? option.value.toString()
                                                      : QString::number(option.value.toInteger());
        if (text == value || text == option.label.zh ||
            text.compare(option.label.en, Qt::CaseInsensitive) == 0)
            return option.value;
    }
    return std::nullopt;
}

/** The cell as the field's JSON value, or why it is not one (English, Chinese). */
Result<QJsonValue, std::pair<QString, QString>> cellValue(const FieldDefinition &field,
                                                          const QString &text)
{
    using Why = std::pair<QString, QString>;
    switch (field.type) {
    case FieldType::Integer: {
        bool ok = false;
        const qint64 n = text.toLongLong(&ok);
        if (!ok)
            return Why{u"'%1' is not a whole number"_s.arg(text), u"“%1”不是整数"_s.arg(text)};
        return QJsonValue(n);
    }
    case FieldType::Decimal: {
        bool ok = false;
        const double d = text.toDouble(&ok);
        if (!ok || !std::isfinite(d))
            return Why{u"'%1' is not a number"_s.arg(text), u"“%1”不是数字"_s.arg(text)};
        return QJsonValue(d);
    }
    case FieldType::Bool:
        if (const auto b = parseBool(text))
            return QJsonValue(*b);
        return Why{u"'%1' is not 是/否, true/false or 1/0"_s.arg(text),
                   u"“%1”应为 是/否、true/false 或 1/0"_s.arg(text)};
    case FieldType::SingleChoice:
        if (const auto option = parseOption(field, text))
            return *option;
        return Why{u"'%1' is not one of the options"_s.arg(text),
                   u"“%1”不是可选项之一"_s.arg(text)};
    case FieldType::MultipleChoice: {
        static const QRegularExpression separators(u"[;；|]"_s);
        QJsonArray values;
        for (const QString &part : text.split(separators, Qt::SkipEmptyParts)) {
            const auto option = parseOption(field, part.trimmed());
            if (!option) {
                return Why{u"'%1' is not one of the options"_s.arg(part.trimmed()),
                           u"“%1”不是可选项之一"_s.arg(part.trimmed())};
            }
            if (!values.contains(*option))
                values.append(*option);
        }
        return QJsonValue(values);
    }
    case FieldType::Text:
    case FieldType::Date:
        return QJsonValue(text);
    case FieldType::Photo:
    case FieldType::Location:
        break;
    }
    return Why{u"this column cannot be imported"_s, u"该列不能导入"_s};
}

/** Column index -> field, or the problems of the header. */
Result<QList<const FieldDefinition *>, RegistryLineError> readHeader(const CsvRecord &header,
                                                                     const EntityDefinition &entity)
{
    QList<const FieldDefinition *> columns;
    QStringList problems;
    QStringList names;
    for (const QString &cell : header.cells) {
        const QString name = cell.trimmed();
        const FieldDefinition *field = entity.field(name);
        if (!field) {
            problems.append(u"unknown column '%1'"_s.arg(name));
        } else if (names.contains(name)) {
            problems.append(u"column '%1' appears twice"_s.arg(name));
        } else if (field->type == FieldType::Photo || field->type == FieldType::Location) {
            problems.append(
                u"column '%1' cannot be imported (a %2)"_s.arg(name, fieldTypeName(field->type)));
        }
        names.append(name);
        columns.append(field);
    }
    for (const FieldDefinition &field : entity.fields) {
        if (field.required && !names.contains(field.name))
            problems.append(u"column '%1' is missing"_s.arg(field.name));
    }
    if (problems.isEmpty())
        return columns;
    QStringList required;
    for (const FieldDefinition &field : entity.fields) {
        if (field.required)
            required.append(field.name);
    }
    return RegistryLineError{
        header.line,
        {},
        bilingual(u"the header names the fields of %1 (at least %2): %3"_s.arg(
                      entity.name, required.join(u','), problems.join(u"; "_s)),
                  u"表头须为%1的字段名，至少包括 %2"_s.arg(entity.label.zh, required.join(u',')))};
}

QString recordId(const QString &entity, const QJsonObject &fields)
{
    QStringList parts{entity};
    for (const QString &key : CatalogueImport::keys(entity))
        parts.append(fields.value(key).toString().trimmed().toLower());
    return QUuid::createUuidV5(kIdNamespace, parts.join(u'\n')).toString(QUuid::WithoutBraces);
}

} // namespace

const QStringList &CatalogueImport::entities()
{
    static const QStringList names{u"provider"_s, u"product"_s, u"case"_s};
    return names;
}

QStringList CatalogueImport::keys(const QString &entity)
{
    if (entity == "provider"_L1)
        return {u"uscc"_s};
    if (entity == "product"_L1)
        return {u"maker"_s, u"model"_s};
    return {u"enterprise"_s, u"title"_s};
}

CatalogueFile CatalogueImport::parse(const QByteArray &bytes, const FormDefinition &form,
                                     const QString &entity, const RegionCatalog &regions,
                                     const QDate &today)
{
    CatalogueFile file;
    if (XlsxReader::looksLikeZip(bytes)) {
        auto sheet = XlsxReader::firstSheet(bytes);
        if (!sheet) {
            file.errors.append(
                {0, {}, bilingual(sheet.error().message, u"无法读取该 Excel 文件"_s)});
            return file;
        }
        return parseRecords(sheet.value(), form, entity, regions, today);
    }
    auto records = CsvReader::parse(bytes);
    if (!records) {
        file.errors.append({records.error().line,
                            {},
                            bilingual(records.error().message, u"无法读取该 CSV 文件"_s)});
        return file;
    }
    return parseRecords(records.value(), form, entity, regions, today);
}

CatalogueFile CatalogueImport::parseRecords(const QList<CsvRecord> &records,
                                            const FormDefinition &form, const QString &entity,
                                            const RegionCatalog &regions, const QDate &today)
{
    CatalogueFile file;
    const EntityDefinition *definition = form.entity(entity);
    if (!definition || !definition->isCityWide()) {
        file.errors.append({0,
                            {},
                            bilingual(u"the definition has no catalogue entity '%1'"_s.arg(entity),
                                      u"调查表中没有该目录类型"_s)});
        return file;
    }
    if (records.isEmpty()) {
        file.errors.append({1, {}, bilingual(u"the file is empty"_s, u"文件为空"_s)});
        return file;
    }
    auto header = readHeader(records.constFirst(), *definition);
    if (!header) {
        file.errors.append(header.error());
        return file;
    }
    const QList<const FieldDefinition *> &columns = header.value();
    if (records.size() == 1) {
        file.errors.append(
            {records.constFirst().line,
             {},
             bilingual(u"the file has a header but no rows"_s, u"文件只有表头，没有数据行"_s)});
        return file;
    }
    const Validator validator(form, ValidationContext{today, regions.regionCodes()});
    QHash<QString, int> seen; // id -> line
    for (qsizetype r = 1; r < records.size(); ++r) {
        const CsvRecord &record = records.at(r);
        if (record.cells.size() != columns.size()) {
            file.errors.append(
                {record.line,
                 {},
                 bilingual(
                     u"expected %1 cells, found %2"_s.arg(columns.size()).arg(record.cells.size()),
                     u"应有 %1 列，实有 %2 列"_s.arg(columns.size()).arg(record.cells.size()))});
            continue;
        }
        CatalogueRow row{record.line, {}, {}, {}};
        QList<RegistryLineError> problems;
        for (qsizetype c = 0; c < columns.size(); ++c) {
            const FieldDefinition &field = *columns.at(c);
            const QString text = record.cells.at(c).trimmed();
            if (text.isEmpty()) {
                row.empty.append(field.name);
                continue;
            }
            auto value = cellValue(field, text);
            if (!value) {
                problems.append({record.line, field.name,
                                 bilingual(u"%1: %2"_s.arg(field.name, value.error().first),
                                           u"%1：%2"_s.arg(field.label.zh, value.error().second))});
                continue;
            }
            row.fields.insert(field.name, value.value());
        }
        if (problems.isEmpty()) {
            for (const ValidationIssue &issue :
                 validator.validate(entity, row.fields, ValidationMode::Submit)) {
                if (issue.severity != Severity::Error)
                    continue;
                const FieldDefinition *field = definition->field(issue.field);
                problems.append(
                    {record.line, issue.field,
                     bilingual(issue.message.en,
                               field ? u"%1：%2"_s.arg(field->label.zh, issue.message.zh)
                                     : issue.message.zh)});
            }
        }
        if (problems.isEmpty()) {
            row.id = recordId(entity, row.fields);
            if (const auto earlier = seen.constFind(row.id); earlier != seen.cend()) {
                const QString keyNames = keys(entity).join(u'+');
                problems.append({record.line, keys(entity).constFirst(),
                                 bilingual(u"the same %1 as line %2"_s.arg(keyNames).arg(*earlier),
                                           u"与第 %1 行重复"_s.arg(*earlier))});
            } else {
                seen.insert(row.id, row.line);
            }
        }
        if (problems.isEmpty())
            file.rows.append(row);
        else
            file.errors.append(problems);
    }
    if (!file.errors.isEmpty())
        file.rows.clear();
    return file;
}

Result<CatalogueImportSummary, DbError>
CatalogueImport::apply(Database &db, const QString &entity, int formVersion,
                       const QList<CatalogueRow> &rows, const QString &actor, const QString &source,
                       qint64 now, RegistryImport::Mode mode)
{
    CatalogueImportSummary summary;
    summary.rows = int(rows.size());
    auto transaction = WriteTransaction::begin(db);
    if (!transaction)
        return transaction.error();
    RecordStore records(db);
    const Hlc hlc{now, 0, RecordStore::kServerDevice};
    for (const CatalogueRow &row : rows) {
        auto current = records.get(entity, row.id);
        if (!current)
            return current.error();
        const bool isNew = !current.value() || current.value()->deleted;
        StoredRecord record =
            current.value().value_or(StoredRecord{entity, row.id, 0, 0, false, {}, {}, {}, {}});
        QJsonObject changes = row.fields;
        for (const QString &name : row.empty) {
            if (!isNew && !record.fields.value(name).isNull() &&
                !record.fields.value(name).isUndefined())
                changes.insert(name, QJsonValue::Null);
        }
        if (!RecordStore::applyServerChanges(record, changes, hlc)) {
            ++summary.unchanged;
            continue;
        }
        ++(isNew ? summary.added : summary.updated);
        if (mode == RegistryImport::Mode::DryRun)
            continue;
        const RecordScope city = RecordScope::cityWide();
        record.region = city.region;
        record.enterprise = city.enterprise;
        record.formVersion = formVersion;
        if (auto written = records.write(record); !written)
            return written.error();
    }
    if (mode == RegistryImport::Mode::DryRun)
        return summary; // rolled back: nothing was written
    auto audited = AuditLog::record(db, now, actor, AuditAction::CatalogueImported,
                                    {{u"entity"_s, entity},
                                     {u"file"_s, source},
                                     {u"rows"_s, summary.rows},
                                     {u"added"_s, summary.added},
                                     {u"updated"_s, summary.updated},
                                     {u"unchanged"_s, summary.unchanged}});
    if (!audited)
        return audited.error();
    if (auto committed = transaction.value().commit(); !committed)
        return committed.error();
    return summary;
}

} // namespace gx::server
