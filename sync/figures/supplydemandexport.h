#pragma once

#include "core/formdefinition.h"
#include "core/regioncatalog.h"
#include "sync/figures/supplydemand.h"

#include <QByteArray>
#include <QString>

namespace gx::server {

/**
 * The supply-demand report as an Excel workbook, sheet 供需对接: one row per county and
 * equipment category (the report's order) with 地区, 地区代码, 设备类别 (the definition's Chinese
 * label), 计划更新企业, 计划更新台(套), 计划投资（万元）, one column per planned year (台(套)),
 * 本地产品, 本地服务商 and 供需缺口 (是 in red where demand has no local supply); then each
 * county's and the city's figure (categories with local supply / categories with demand).
 */
class SupplyDemandExport
{
public:
    [[nodiscard]] static Result<QByteArray, QString> xlsx(const SupplyDemandReport &report,
                                                          const RegionCatalog &catalog,
                                                          const FormDefinition &form);
};

} // namespace gx::server
