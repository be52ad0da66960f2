#include "app/reportchart.h"

#include "app/figureformatter.h"
#include "app/reportbuilder.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <utility>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

constexpr double kPitchMm = 4.0;  // one bar's row
constexpr double kBarMm = 2.6;    // the bar's thickness
constexpr double kAxisMm = 5.0;   // the axis labels under the bars
constexpr double kLegendMm = 4.5; // the legend
constexpr double kLabelMm = 38;   // the regions' names
constexpr double kValueMm = 18;   // room for the value after the longest bar

const QColor kBar(0x39, 0x49, 0xab);
const QColor kTarget(0xc6, 0x28, 0x28);
const QColor kGrid(0xe0, 0xe0, 0xe0);
const QColor kText(0x42, 0x42, 0x42);

} // namespace

double ReportChart::heightMm(int bars)
{
    return kPitchMm * bars + kAxisMm + kLegendMm;
}

double ReportChart::roundUp(double value)
{
    if (value <= 0)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (step * magnitude >= value)
            return step * magnitude;
    }
    return 10 * magnitude;
}

void ReportChart::paint(QPainter &painter, const QRectF &box, double mm, QPaintDevice *device) const
{
    double highest = 0;
    double lowest = 0;
    for (const Bar &bar : bars) {
        for (const auto &[present, v] :
             {std::pair{bar.hasValue, bar.value}, std::pair{bar.hasTarget, bar.target}}) {
            if (present) {
                highest = std::max(highest, v);
                lowest = std::min(lowest, v);
            }
        }
    }
    const double top = roundUp(highest);
    const double bottom = lowest < 0 ? -roundUp(-lowest) : 0;
    const QRectF plot(box.left() + kLabelMm * mm, box.top(),
                      box.width() - (kLabelMm + kValueMm) * mm, kPitchMm * mm * bars.size());
    const auto xOf = [&](double v) {
        return plot.left() + (v - bottom) / (top - bottom) * plot.width();
    };
    const QFont small = ReportBuilder::font(7);
    const QFontMetricsF metrics(small, device);
    painter.setFont(small);

    // Grid and axis labels: five steps.
    for (int i = 0; i <= 4; ++i) {
        const double v = bottom + (top - bottom) * i / 4.0;
        const double x = xOf(v);
        painter.setPen(QPen(kGrid, 0.15 * mm));
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        painter.setPen(kText);
        painter.drawText(QRectF(x - 10 * mm, plot.bottom(), 20 * mm, kAxisMm * mm),
                         int(Qt::AlignHCenter | Qt::AlignVCenter),
                         FigureFormatter::number(v) + unit);
    }
    painter.setPen(QPen(kText, 0.2 * mm));
    painter.drawLine(QPointF(xOf(0), plot.top()), QPointF(xOf(0), plot.bottom()));

    for (qsizetype i = 0; i < bars.size(); ++i) {
        const Bar &bar = bars.at(i);
        const double rowTop = plot.top() + kPitchMm * mm * double(i);
        const double mid = rowTop + kPitchMm * mm / 2;
        painter.setPen(kText);
        painter.drawText(QRectF(box.left(), rowTop, (kLabelMm - 1.5) * mm, kPitchMm * mm),
                         int(Qt::AlignRight | Qt::AlignVCenter),
                         metrics.elidedText(bar.label, Qt::ElideRight, (kLabelMm - 1.5) * mm));
        double end = xOf(0);
        if (bar.hasValue) {
            const double x0 = xOf(std::min(0.0, bar.value));
            const double x1 = xOf(std::max(0.0, bar.value));
            painter.fillRect(
                QRectF(x0, mid - kBarMm * mm / 2, std::max(x1 - x0, 0.2 * mm), kBarMm * mm), kBar);
            end = xOf(bar.value);
        }
        if (bar.hasTarget) {
            painter.setPen(QPen(kTarget, 0.5 * mm));
            const double x = xOf(bar.target);
            painter.drawLine(QPointF(x, rowTop + 0.3 * mm),
                             QPointF(x, rowTop + kPitchMm * mm - 0.3 * mm));
            end = std::max(end, x);
        }
        painter.setPen(kText);
        painter.drawText(
            QRectF(std::max(end, xOf(0)) + 1.2 * mm, rowTop, kValueMm * mm, kPitchMm * mm),
            int(Qt::AlignLeft | Qt::AlignVCenter), bar.hasValue ? bar.valueText : u"—"_s);
    }

    // Legend.
    const double legendTop = plot.bottom() + kAxisMm * mm;
    const double y = legendTop + kLegendMm * mm / 2;
    double x = plot.left();
    painter.fillRect(QRectF(x, y - kBarMm * mm / 2, 5 * mm, kBarMm * mm), kBar);
    x += 6 * mm;
    const QString valueLabel = tr("value");
    painter.setPen(kText);
    painter.drawText(QRectF(x, legendTop, 30 * mm, kLegendMm * mm),
                     int(Qt::AlignLeft | Qt::AlignVCenter), valueLabel);
    x += metrics.horizontalAdvance(valueLabel) + 6 * mm;
    painter.setPen(QPen(kTarget, 0.5 * mm));
    painter.drawLine(QPointF(x + 2 * mm, legendTop + 0.5 * mm),
                     QPointF(x + 2 * mm, legendTop + kLegendMm * mm - 0.5 * mm));
    x += 5 * mm;
    painter.setPen(kText);
    painter.drawText(QRectF(x, legendTop, 60 * mm, kLegendMm * mm),
                     int(Qt::AlignLeft | Qt::AlignVCenter), tr("the region's target"));
}

} // namespace gx
