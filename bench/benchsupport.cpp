#include "benchsupport.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace gx::bench {

void print(const QString &line)
{
    std::fputs(line.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void die(const QString &why)
{
    const QString name = QCoreApplication::instance() ? QCoreApplication::applicationName()
                                                      : QStringLiteral("bench");
    std::fprintf(stderr, "%s: %s\n", name.toUtf8().constData(), why.toUtf8().constData());
    std::exit(1);
}

double percentile(QList<double> samples, double p)
{
    std::sort(samples.begin(), samples.end());
    if (samples.isEmpty())
        return 0;
    return samples.at(std::min(samples.size() - 1, qsizetype(double(samples.size()) * p)));
}

double median(const QList<double> &samples)
{
    return percentile(samples, 0.5);
}

} // namespace gx::bench
