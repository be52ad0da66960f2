#include "sync/figures/recordexport.h"

#include "sync/figures/csvexport.h"
#include "sync/figures/xlsxexport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <xlsxwriter.h>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

/** One exported record: its id, version and fields. */
struct Row
{
    QString id;
    int formVersion = 1;
    QJsonObject fields;
};

Result<QList<Row>, DbError> liveRecords(Database &db, const QString &entity)
{
    auto query = db.exec(u"SELECT id, form_version, fields FROM records WHERE entity = ? AND "
                         "deleted = 0 ORDER BY id"_s,
                         {entity});
    if (!query)
        return query.error();
    QList<Row> out;
    QSqlQuery &q = query.value();
    while (q.next()) {
        out.append(Row{q.value(0).toString(), q.value(1).toInt(),
                       QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object()});
    }
    return out;
}

/** The records to export: the period's surveys, their rows, or every enterprise. */
Result<QList<Row>, DbError> selectRows(Database &db, const FormDefinition &current,
                                       const QString &entity, int period)
{
    auto rows = liveRecords(db, entity);
    if (!rows || entity == "enterprise"_L1)
        return rows;
    const auto inPeriod = [period](const Row &survey) {
        return survey.fields.value("period"_L1).toDouble() == period;
    };
    QList<Row> out;
    if (entity == "survey"_L1) {
        for (const Row &row : std::as_const(rows.value()))
            if (inPeriod(row))
                out.append(row);
        return out;
    }
    auto surveys = liveRecords(db, u"survey"_s);
    if (!surveys)
        return surveys.error();
    QSet<QString> ids;
    for (const Row &survey : std::as_const(surveys.value()))
        if (inPeriod(survey))
            ids.insert(survey.id);
    const EntityDefinition *definition = current.entity(entity);
    const QString parentField = definition ? definition->parentField : QString();
    for (const Row &row : std::as_const(rows.value()))
        if (ids.contains(row.fields.value(parentField).toString()))
            out.append(row);
    return out;
}

/** A cell's text: choice labels, 是/否, "lat,lon", numbers as CsvExport writes them. */
QString cellText(const FieldDefinition *field, const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return {};
    if (value.isBool())
        return value.toBool() ? u"是"_s : u"否"_s;
    if (field && value.isArray()) {
        QStringList labels;
        for (const QJsonValue &item : value.toArray())
            labels.append(cellText(field, item));
        return labels.join(u"、"_s);
    }
    if (field && !field->options.isEmpty()) {
        if (const ChoiceOption *option = field->option(value))
            return option->label.zh;
    }
    if (value.isDouble())
        return CsvExport::number(value.toDouble());
    if (value.isString())
        return value.toString();
    if (value.isObject() && value["lat"_L1].isDouble() && value["lon"_L1].isDouble()) {
        return CsvExport::number(value["lat"_L1].toDouble()) + u',' +
               CsvExport::number(value["lon"_L1].toDouble());
    }
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
}

QStringList headers(const QList<RecordColumn> &columns)
{
    QStringList out{u"记录编号"_s, u"表单版本"_s};
    for (const RecordColumn &column : columns)
        out.append(column.header);
    return out;
}

QByteArray csv(const QList<RecordColumn> &columns, const QList<Row> &rows,
               const EntityDefinition *entity)
{
    QString out = u"\uFEFF"_s;
    auto line = [&out](const QStringList &cells) {
        QStringList quoted;
        for (const QString &cell : cells)
            quoted.append(CsvExport::cell(cell));
        out += quoted.join(u',') + u"\r\n"_s;
    };
    line(headers(columns));
    for (const Row &row : rows) {
        QStringList cells{row.id, QString::number(row.formVersion)};
        for (const RecordColumn &column : columns)
            cells.append(cellText(entity->field(column.field), row.fields.value(column.field)));
        line(cells);
    }
    return out.toUtf8();
}

Result<QByteArray, QString> xlsx(const QList<RecordColumn> &columns, const QList<Row> &rows,
                                 const EntityDefinition *entity)
{
    return XlsxExport::write([&](lxw_workbook *book) {
        lxw_worksheet *sheet = workbook_add_worksheet(book, entity->label.zh.toUtf8().constData());
        lxw_format *bold = workbook_add_format(book);
        format_set_bold(bold);
        const QStringList head = headers(columns);
        for (int c = 0; c < head.size(); ++c)
            worksheet_write_string(sheet, 0, lxw_col_t(c), head.at(c).toUtf8().constData(), bold);
        for (int r = 0; r < rows.size(); ++r) {
            const Row &row = rows.at(r);
            const auto at = lxw_row_t(r + 1);
            worksheet_write_string(sheet, at, 0, row.id.toUtf8().constData(), nullptr);
            worksheet_write_number(sheet, at, 1, row.formVersion, nullptr);
            for (int c = 0; c < columns.size(); ++c) {
                const FieldDefinition *field = entity->field(columns.at(c).field);
                const QJsonValue value = row.fields.value(columns.at(c).field);
                const auto col = lxw_col_t(c + 2);
                if (value.isDouble() && field && field->options.isEmpty())
                    worksheet_write_number(sheet, at, col, value.toDouble(), nullptr);
                else if (const QString text = cellText(field, value); !text.isEmpty())
                    worksheet_write_string(sheet, at, col, text.toUtf8().constData(), nullptr);
            }
        }
        worksheet_freeze_panes(sheet, 1, 1);
    });
}

} // namespace

bool RecordExport::isExportable(const QString &entity)
{
    return entity == "enterprise"_L1 || entity == "survey"_L1 || entity == "equipment"_L1 ||
           entity == "key_process"_L1;
}

QList<RecordColumn> RecordExport::columns(const QList<const FormDefinition *> &versions,
                                          const QString &entity)
{
    QList<RecordColumn> out;
    QSet<QString> seen;
    for (const FormDefinition *form : versions) {
        const EntityDefinition *e = form->entity(entity);
        if (!e)
            continue;
        for (const FieldDefinition &field : e->fields) {
            if (seen.contains(field.name))
                continue;
            seen.insert(field.name);
            out.append(RecordColumn{field.name, QString(), form->version()});
        }
    }
    // Headers from the latest version: a label a later version corrected is the one shown.
    const EntityDefinition *latest =
        versions.isEmpty() ? nullptr : versions.constLast()->entity(entity);
    for (RecordColumn &column : out) {
        const FieldDefinition *f = latest ? latest->field(column.field) : nullptr;
        column.header = !f                     ? column.field
                        : f->unit.zh.isEmpty() ? f->label.zh
                                               : u"%1（%2）"_s.arg(f->label.zh, f->unit.zh);
    }
    return out;
}

Result<ExportFile, ExportError> RecordExport::make(Database &db,
                                                   const QList<const FormDefinition *> &versions,
                                                   const QString &entity, int period,
                                                   ExportFormat format)
{
    // The current version has every field of every version (versions only add).
    const EntityDefinition *definition = versions.constLast()->entity(entity);
    if (!definition || !isExportable(entity))
        return ExportError{ExportError::Kind::Writer, u"not an exportable entity"_s, {}};
    auto rows = selectRows(db, *versions.constLast(), entity, period);
    if (!rows)
        return ExportError{ExportError::Kind::Storage, rows.error().message, rows.error()};
    const QList<RecordColumn> cols = columns(versions, entity);
    const QString base = entity == "enterprise"_L1
                             ? u"gengxin-enterprise"_s
                             : u"gengxin-%1-%2"_s.arg(entity, QString::number(period));
    if (format == ExportFormat::Csv)
        return ExportFile{csv(cols, rows.value(), definition), u"text/csv; charset=utf-8"_s,
                          base + u".csv"_s};
    auto workbook = xlsx(cols, rows.value(), definition);
    if (!workbook)
        return ExportError{ExportError::Kind::Writer, workbook.error(), {}};
    return ExportFile{workbook.value(),
                      u"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"_s,
                      base + u".xlsx"_s};
}

} // namespace gx::server
