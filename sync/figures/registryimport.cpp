#include "sync/figures/registryimport.h"

#include "core/industrycode.h"
#include "core/textcheck.h"
#include "core/uscc.h"
#include "sync/records/coveragefacts.h"
#include "sync/records/recordstore.h"
#include "sync/store/auditlog.h"
#include "sync/store/csvreader.h"
#include "sync/store/xlsxreader.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

const QStringList kColumns{u"uscc"_s, u"name"_s, u"region"_s, u"industry_code"_s, u"above_size"_s};

std::optional<bool> parseAboveSize(const QString &text)
{
    const QString t = text.toLower();
    if (t == "true"_L1 || t == "1"_L1 || t == u"是"_s)
        return true;
    if (t == "false"_L1 || t == "0"_L1 || t == u"否"_s)
        return false;
    return std::nullopt;
}

/** Column name -> index, or the problem with the header. */
Result<QHash<QString, int>, RegistryLineError> readHeader(const CsvRecord &header)
{
    QHash<QString, int> index;
    QStringList problems;
    for (int i = 0; i < header.cells.size(); ++i) {
        const QString name = header.cells[i].trimmed().toLower();
        if (!kColumns.contains(name))
            problems.append(u"unknown column '%1'"_s.arg(header.cells[i].trimmed()));
        else if (index.contains(name))
            problems.append(u"column '%1' appears twice"_s.arg(name));
        else
            index.insert(name, i);
    }
    for (const QString &column : kColumns) {
        if (!index.contains(column))
            problems.append(u"column '%1' is missing"_s.arg(column));
    }
    if (!problems.isEmpty()) {
        return RegistryLineError{header.line,
                                 {},
                                 u"the header must be %1: %2. 表头须为 %1。"_s.arg(
                                     kColumns.join(u','), problems.join(u"; "_s))};
    }
    return index;
}

struct RegistryValues
{
    QString name;
    QString region;
    QString industryCode;
    bool aboveSize = false;

    friend bool operator==(const RegistryValues &, const RegistryValues &) = default;
};

QString bilingual(const QString &en, const QString &zh)
{
    return u"%1. %2"_s.arg(en, zh);
}

} // namespace

int RegistryFile::badLines() const
{
    QSet<int> lines;
    for (const RegistryLineError &error : errors)
        lines.insert(error.line);
    return int(lines.size());
}

RegistryFile RegistryImport::parse(const QByteArray &bytes, const RegionCatalog &regions)
{
    if (XlsxReader::looksLikeZip(bytes)) {
        auto sheet = XlsxReader::firstSheet(bytes);
        if (!sheet) {
            RegistryFile file;
            file.errors.append(
                {0, {}, bilingual(sheet.error().message, u"无法读取该 Excel 文件"_s)});
            return file;
        }
        return parseRecords(sheet.value(), regions);
    }
    auto records = CsvReader::parse(bytes);
    if (!records) {
        RegistryFile file;
        file.errors.append({records.error().line,
                            {},
                            bilingual(records.error().message, u"无法读取该 CSV 文件"_s)});
        return file;
    }
    return parseRecords(records.value(), regions);
}

RegistryFile RegistryImport::parseRecords(const QList<CsvRecord> &records,
                                          const RegionCatalog &regions)
{
    RegistryFile file;
    if (records.isEmpty()) {
        file.errors.append(
            {1,
             {},
             bilingual(u"the file is empty; it needs the header %1"_s.arg(kColumns.join(u',')),
                       u"文件为空"_s)});
        return file;
    }
    auto header = readHeader(records.constFirst());
    if (!header) {
        file.errors.append(header.error());
        return file;
    }
    const QHash<QString, int> &column = header.value();
    if (records.size() == 1) {
        file.errors.append(
            {records.constFirst().line,
             {},
             bilingual(u"the file has a header but no rows"_s, u"文件只有表头，没有数据行"_s)});
        return file;
    }
    const QStringList knownRegions = regions.regionCodes();
    QHash<QString, int> seen; // uscc -> line
    for (qsizetype r = 1; r < records.size(); ++r) {
        const CsvRecord &record = records.at(r);
        if (record.cells.size() != kColumns.size()) {
            file.errors.append(
                {record.line,
                 {},
                 bilingual(
                     u"expected %1 cells, found %2"_s.arg(kColumns.size()).arg(record.cells.size()),
                     u"应有 %1 列，实有 %2 列"_s.arg(kColumns.size()).arg(record.cells.size()))});
            continue;
        }
        auto cell = [&](const QString &name) {
            return record.cells.at(column.value(name)).trimmed();
        };
        RegistryRow row{record.line,       cell(u"uscc"_s),          cell(u"name"_s),
                        cell(u"region"_s), cell(u"industry_code"_s), false};
        QList<RegistryLineError> problems;
        auto problem = [&](const QString &field, const QString &en, const QString &zh) {
            problems.append({record.line, field, bilingual(en, zh)});
        };
        if (const auto wrong = checkUscc(row.uscc)) {
            const LocalizedText why = describe(*wrong);
            problem(u"uscc"_s, u"uscc '%1': %2"_s.arg(row.uscc, why.en),
                    u"统一社会信用代码“%1”：%2"_s.arg(row.uscc, why.zh));
        } else if (seen.contains(row.uscc)) {
            problem(
                u"uscc"_s,
                u"uscc %1 is already on line %2"_s.arg(row.uscc).arg(seen.value(row.uscc)),
                u"统一社会信用代码 %1 与第 %2 行重复"_s.arg(row.uscc).arg(seen.value(row.uscc)));
        } else {
            seen.insert(row.uscc, row.line);
        }
        if (row.name.isEmpty()) {
            problem(u"name"_s, u"the name is empty"_s, u"企业名称为空"_s);
        } else if (row.name.size() > kMaxNameLength) {
            problem(u"name"_s, u"the name is longer than %1 characters"_s.arg(kMaxNameLength),
                    u"企业名称超过 %1 个字符"_s.arg(kMaxNameLength));
        } else if (const auto text = textProblem(row.name)) {
            problem(u"name"_s, u"the name %1"_s.arg(textProblemMessage(row.name, *text)),
                    u"企业名称含有不允许的字符"_s);
        }
        if (!knownRegions.contains(row.region)) {
            problem(u"region"_s,
                    u"unknown region '%1' (known: %2)"_s.arg(row.region, knownRegions.join(u' ')),
                    u"未知的地区代码“%1”"_s.arg(row.region));
        }
        if (const auto wrong = checkIndustryCode(row.industryCode)) {
            const LocalizedText why = describe(*wrong);
            problem(u"industry_code"_s, u"industry_code '%1': %2"_s.arg(row.industryCode, why.en),
                    u"行业代码“%1”：%2"_s.arg(row.industryCode, why.zh));
        }
        const auto aboveSize = parseAboveSize(cell(u"above_size"_s));
        if (!aboveSize) {
            problem(u"above_size"_s,
                    u"above_size '%1' is not true/false, 1/0 or 是/否"_s.arg(cell(u"above_size"_s)),
                    u"是否规上“%1”应为 是/否、1/0 或 true/false"_s.arg(cell(u"above_size"_s)));
        } else {
            row.aboveSize = *aboveSize;
        }
        if (!problems.isEmpty())
            file.errors.append(problems);
        else
            file.rows.append(row);
    }
    if (!file.errors.isEmpty())
        file.rows.clear();
    return file;
}

Result<RegistryImportSummary, DbError>
RegistryImport::apply(Database &db, const QList<RegistryRow> &rows, const QString &actor,
                      const QString &source, qint64 now, Mode mode)
{
    RegistryImportSummary summary;
    summary.rows = int(rows.size());
    auto transaction = WriteTransaction::begin(db);
    if (!transaction)
        return transaction.error();

    // One read of the registry instead of one per row.
    QHash<QString, RegistryValues> existing;
    {
        auto query =
            db.exec(u"SELECT uscc, name, region, industry_code, above_size FROM registry"_s);
        if (!query)
            return query.error();
        while (query.value().next()) {
            const QSqlQuery &q = query.value();
            existing.insert(q.value(0).toString(),
                            RegistryValues{q.value(1).toString(), q.value(2).toString(),
                                           q.value(3).toString(), q.value(4).toInt() != 0});
        }
    }

    if (mode == Mode::DryRun) {
        // The preview: the same counts from the same read, nothing written (rolled back).
        for (const RegistryRow &row : rows) {
            const auto found = existing.constFind(row.uscc);
            if (found == existing.cend())
                ++summary.added;
            else if (*found !=
                     RegistryValues{row.name, row.region, row.industryCode, row.aboveSize})
                ++summary.updated;
            else
                ++summary.unchanged;
        }
        return summary;
    }

    RecordStore records(db);
    const Hlc hlc{now, 0, RecordStore::kServerDevice};
    for (const RegistryRow &row : rows) {
        const RegistryValues values{row.name, row.region, row.industryCode, row.aboveSize};
        const auto found = existing.constFind(row.uscc);
        if (found == existing.cend()) {
            ++summary.added;
            auto inserted = db.run(
                u"INSERT INTO registry (uscc, name, region, industry_code, "
                "above_size, imported_at) VALUES (?, ?, ?, ?, ?, ?)"_s,
                {row.uscc, row.name, row.region, row.industryCode, row.aboveSize ? 1 : 0, now});
            if (!inserted)
                return inserted.error();
        } else if (*found != values) {
            ++summary.updated;
            auto updated = db.run(
                u"UPDATE registry SET name = ?, region = ?, industry_code = ?, "
                "above_size = ?, imported_at = ? WHERE uscc = ?"_s,
                {row.name, row.region, row.industryCode, row.aboveSize ? 1 : 0, now, row.uscc});
            if (!updated)
                return updated.error();
        } else {
            ++summary.unchanged;
        }
        if (found == existing.cend() || *found != values) {
            if (auto marked = CoverageFacts::markEnterprise(db, row.uscc); !marked)
                return marked.error();
        }

        auto current = records.get(u"enterprise"_s, row.uscc);
        if (!current)
            return current.error();
        StoredRecord record = current.value().value_or(
            StoredRecord{u"enterprise"_s, row.uscc, 0, 0, false, {}, {}, {}, {}});
        const QJsonObject changes{{u"uscc"_s, row.uscc},
                                  {u"name"_s, row.name},
                                  {u"region"_s, row.region},
                                  {u"industry_code"_s, row.industryCode},
                                  {u"above_size"_s, row.aboveSize}};
        if (!RecordStore::applyServerChanges(record, changes, hlc))
            continue;
        record.region = row.region;
        record.enterprise = row.uscc;
        if (auto written = records.write(record); !written)
            return written.error();
        ++summary.enterpriseRecords;
    }

    auto audited = AuditLog::record(db, now, actor, AuditAction::RegistryImported,
                                    {{u"file"_s, source},
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
