#include "sync/figures/csvexport.h"

#include "core/indicatorlabels.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace gx::server {

QString CsvExport::cell(const QString &text)
{
    QString out = text;
    // A text cell that a spreadsheet would take for a formula is written as text.
    if (!out.isEmpty() && QStringView(u"=+-@").contains(out.front()))
        out.prepend(u'\'');
    if (out.contains(u',') || out.contains(u'"') || out.contains(u'\n') || out.contains(u'\r'))
        out = u'"' + out.replace(u"\""_s, u"\"\""_s) + u'"';
    return out;
}

QString CsvExport::number(double value)
{
    return QString::number(value, 'g', 12);
}

QByteArray CsvExport::coverage(const CoverageReport &report)
{
    QString out;
    out += u"地区,地区代码,指标,数值,分子,分母,目标,是否达标\r\n"_s;
    QList<const RegionFigures *> rows;
    for (const RegionFigures &region : report.regions)
        rows.append(&region);
    rows.append(&report.city);
    for (const RegionFigures *region : std::as_const(rows)) {
        for (const QString &name : indicatorNames()) {
            const auto found = region->indicators.constFind(name);
            if (found == region->indicators.cend())
                continue;
            const Figure &figure = found.value();
            const QStringList cells{
                cell(region->name.zh),
                cell(region->region),
                cell(indicatorLabel(name).zh),
                figure.value ? number(*figure.value) : QString(),
                number(figure.numerator),
                number(figure.denominator),
                figure.target ? number(figure.target->value) : QString(),
                figure.met ? (*figure.met ? u"是"_s : u"否"_s) : QString(),
            };
            out += cells.join(u',') + u"\r\n"_s;
        }
    }
    return QByteArray("\xEF\xBB\xBF") + out.toUtf8();
}

} // namespace gx::server
