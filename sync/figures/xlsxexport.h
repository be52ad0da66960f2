#pragma once

#include "core/formdefinition.h"
#include "core/indicators.h"
#include "core/result.h"

#include <QByteArray>
#include <QString>

#include <functional>

struct lxw_workbook;

namespace gx::server {

/**
 * The coverage report as an Excel workbook (libxlsxwriter), two sheets with Chinese headers:
 *
 * - 各县（市、区）指标: one row per region (the catalog's order) and the city last (bold); the
 *   columns 地区, 地区代码, 规上企业数, 已调查规上企业, 计入统计的调查, then one column per
 *   indicator (indicatorNames() order) headed by its Chinese label, rates as percentages and
 *   counts as whole numbers, a figure that meets its target in green and one that misses it in
 *   red; under the table the city's targets and each column's indicator name.
 * - 企业: every enterprise of the registry (by region, then name): its name, USCC, region (name
 *   and 地区代码), industry code and size, the survey's state and 审核状态, then the survey's key
 *   figures (digital level, design tools, key processes and of them CNC, factory tier, robots
 *   added, technical-renovation and equipment investment with their 2023 bases, first-of-kind
 *   investment) and 安全淘汰类设备 (是 when it still runs equipment the policy names for
 *   replacement on safety grounds). Field headers and choice labels are the survey definition's
 *   (`form`), units in brackets. The survey shown is the enterprise's counted survey of the
 *   period, else its latest submitted one, else its draft.
 */
class XlsxExport
{
public:
    /** The workbook's bytes, or why libxlsxwriter could not write it. */
    [[nodiscard]] static Result<QByteArray, QString>
    coverage(const CoverageReport &report, const IndicatorInput &input, const FormDefinition &form);

    /**
     * A workbook that fill() writes, as bytes: libxlsxwriter writes to a file, so the workbook
     * lives in a temporary directory of its own until it is read back. Every XLSX export of the
     * server goes through it; the error says why libxlsxwriter could not write.
     */
    [[nodiscard]] static Result<QByteArray, QString>
    write(const std::function<void(lxw_workbook *book)> &fill);
};

} // namespace gx::server
