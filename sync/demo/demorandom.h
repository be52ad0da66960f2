#pragma once

#include <QList>
#include <QString>
#include <QUuid>

#include <random>

namespace gx::server {

/**
 * The demo generator's source of randomness: the same seed gives the same city on every machine
 * and compiler. std::mt19937_64's output is fixed by the standard; the standard distributions are
 * not, so the few this generator needs are written here.
 */
class DemoRandom
{
public:
    explicit DemoRandom(quint64 seed)
        : m_engine(seed)
    {}

    /** An integer in [low, high], both included. */
    [[nodiscard]] int between(int low, int high)
    {
        const auto span = quint64(qint64(high) - qint64(low) + 1);
        return int(qint64(low) + qint64(m_engine() % span));
    }
    /** A number in [low, high). */
    [[nodiscard]] double real(double low, double high)
    {
        return low + (high - low) * (double(m_engine() >> 11) * 0x1.0p-53);
    }
    /** A number in [low, high) rounded to `decimals` places, as a person would write it. */
    [[nodiscard]] double rounded(double low, double high, int decimals)
    {
        double scale = 1;
        for (int i = 0; i < decimals; ++i)
            scale *= 10;
        return double(qint64(real(low, high) * scale + 0.5)) / scale;
    }
    /** True with probability p. */
    [[nodiscard]] bool chance(double p) { return real(0, 1) < p; }
    template <typename T>
    [[nodiscard]] const T &pick(const QList<T> &list)
    {
        return list.at(between(0, int(list.size()) - 1));
    }
    /** Index i with probability weights[i] / sum(weights). */
    [[nodiscard]] int weighted(const QList<int> &weights)
    {
        int total = 0;
        for (int w : weights)
            total += w;
        int roll = between(0, total - 1);
        for (int i = 0; i < weights.size(); ++i) {
            if (roll < weights.at(i))
                return i;
            roll -= weights.at(i);
        }
        return int(weights.size()) - 1;
    }
    /** A version-4 UUID in the canonical lower-case form devices use for record ids. */
    [[nodiscard]] QString uuid()
    {
        QByteArray bytes(16, Qt::Uninitialized);
        for (int i = 0; i < 16; i += 8) {
            quint64 word = m_engine();
            for (int j = 0; j < 8; ++j, word >>= 8)
                bytes[i + j] = char(word & 0xff);
        }
        bytes[6] = char((bytes.at(6) & 0x0f) | 0x40);
        bytes[8] = char((bytes.at(8) & 0x3f) | 0x80);
        return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
    }

private:
    std::mt19937_64 m_engine;
};

} // namespace gx::server
