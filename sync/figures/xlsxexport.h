#pragma once

#include "core/indicators.h"
#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace gx::server {

/**
 * The coverage report as an Excel workbook (libxlsxwriter), two sheets with Chinese headers:
 *
 * - 各县（市、区）指标: one row per region (the catalog's order) and the city last (bold); the
 *   columns 地区, 地区代码, 规上企业数, 已调查规上企业, 计入统计的调查, then one column per
 *   indicator (indicatorNames() order) headed by its Chinese label, rates as percentages and
 *   counts as whole numbers, a figure that meets its target in green and one that misses it in
 *   red; under the table the city's targets and each column's indicator name.
 * - 企业: every enterprise of the registry (by region, then name): 企业名称, 统一社会信用代码,
 *   地区, 地区代码, 行业代码, 规模以上, 调查状态, 审核状态, then the survey's key figures
 *   (数字化水平, 设计工具, 关键工序数, 数控关键工序数, 工厂等级, 新增机器人, 技改投资 and its base,
 *   设备投资 and its base, 首台套投资) and 安全淘汰类设备 (是 when it still runs equipment the
 *   policy names for replacement on safety grounds). The survey shown is the enterprise's counted
 *   survey of the period, else its latest submitted one, else its draft.
 */
class XlsxExport
{
public:
    /** The workbook's bytes, or why libxlsxwriter could not write it. */
    [[nodiscard]] static Result<QByteArray, QString> coverage(const CoverageReport &report,
                                                              const IndicatorInput &input);
};

} // namespace gx::server
