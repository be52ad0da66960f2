#include "sync/figures/coverageexport.h"

#include "core/indicators.h"
#include "sync/figures/coveragequery.h"
#include "sync/figures/csvexport.h"
#include "sync/figures/xlsxexport.h"

using namespace Qt::StringLiterals;

namespace gx::server {

std::optional<ExportFormat> CoverageExport::formatFromName(const QString &name)
{
    if (name == "csv"_L1)
        return ExportFormat::Csv;
    if (name == "xlsx"_L1)
        return ExportFormat::Xlsx;
    return std::nullopt;
}

Result<ExportFile, ExportError> CoverageExport::make(Database &db, const RegionCatalog &catalog,
                                                     const FormDefinition &form, int period,
                                                     ExportFormat format)
{
    auto input = CoverageQuery(db, catalog).load(period);
    if (!input)
        return ExportError{ExportError::Kind::Storage, input.error().message, input.error()};
    const CoverageReport report = computeCoverage(input.value());
    const QString base = u"gengxin-coverage-%1"_s.arg(period);
    if (format == ExportFormat::Csv) {
        return ExportFile{CsvExport::coverage(report), u"text/csv; charset=utf-8"_s,
                          base + u".csv"_s};
    }
    auto workbook = XlsxExport::coverage(report, input.value(), form);
    if (!workbook)
        return ExportError{ExportError::Kind::Writer, workbook.error(), {}};
    return ExportFile{workbook.value(),
                      u"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"_s,
                      base + u".xlsx"_s};
}

} // namespace gx::server
