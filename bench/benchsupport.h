#pragma once

#include <QList>
#include <QString>

/** What every benchmark of bench/ shares: printing its figures, giving up, summing samples. */
namespace gx::bench {

/** Prints one line to stdout at once (a figure is seen even if a later part fails). */
void print(const QString &line);
/** Prints "BENCHMARK: why" to stderr and exits 1. */
[[noreturn]] void die(const QString &why);

/** The sample at fraction p (0..1) of the sorted samples (0 for none); 0.5 is the median. */
[[nodiscard]] double percentile(QList<double> samples, double p);
[[nodiscard]] double median(const QList<double> &samples);

} // namespace gx::bench
