#pragma once

#include <QCoreApplication>
#include <QList>
#include <QRectF>
#include <QString>

class QPaintDevice;
class QPainter;

namespace gx {

/**
 * The report's chart of one indicator: a horizontal bar per region (its value, labelled) and
 * the region's target as a red line across its bar, over an axis from 0 (or the lowest
 * negative value) to a round maximum. Values are in display units (percent for rates).
 */
struct ReportChart
{
    Q_DECLARE_TR_FUNCTIONS(gx::ReportChart)
public:
    struct Bar
    {
        QString label;
        bool hasValue = false;
        double value = 0;
        QString valueText;
        bool hasTarget = false;
        double target = 0;
    };

    QList<Bar> bars;
    QString unit; ///< "%" or ""

    /** The height the chart of `bars` bars takes, in millimetres. */
    [[nodiscard]] static double heightMm(int bars);
    /** Paints into box; `mm` is one millimetre in the painter's units. */
    void paint(QPainter &painter, const QRectF &box, double mm, QPaintDevice *device) const;

    /** A round axis end at or beyond `value` (87 -> 100, 430 -> 500; 0 -> 1). */
    [[nodiscard]] static double roundUp(double value);
};

} // namespace gx
