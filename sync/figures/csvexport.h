#pragma once

#include "core/indicators.h"

#include <QByteArray>
#include <QString>

namespace gx::server {

/**
 * The coverage report as CSV for spreadsheets: UTF-8 with a byte-order mark (so that Excel reads
 * the Chinese), CRLF line ends, the header 地区,地区代码,指标,数值,分子,分母,目标,是否达标 and one
 * row per region and indicator (the regions in the catalog's order, the city last; indicators in
 * indicatorNames() order). 指标 is the indicator's Chinese label; 数值 the value as in the JSON (a
 * fraction for rates, e.g. 0.9, a whole number for counts), empty when null; 目标 the target's
 * value, empty when none; 是否达标 是 / 否, empty when there is no target or no value.
 */
class CsvExport
{
public:
    [[nodiscard]] static QByteArray coverage(const CoverageReport &report);

    /** A cell as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break. */
    [[nodiscard]] static QString cell(const QString &text);
    /** A number as the export writes it: up to 12 significant digits, no exponent for counts. */
    [[nodiscard]] static QString number(double value);
};

} // namespace gx::server
