#include "core/compactjson.h"

#include <QCborValue>
#include <QJsonArray>
#include <QLocale>

#include <cmath>

namespace gx {

namespace {

class CompactWriter
{
public:
    explicit CompactWriter(QString &out)
        : m_out(out)
    {}

    void object(const QJsonObject &object)
    {
        m_out.append(u'{');
        bool first = true;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!first)
                m_out.append(u',');
            first = false;
            string(it.key());
            m_out.append(u':');
            value(it.value());
        }
        m_out.append(u'}');
    }

    void array(const QJsonArray &array)
    {
        m_out.append(u'[');
        bool first = true;
        for (const QJsonValue &item : array) {
            if (!first)
                m_out.append(u',');
            first = false;
            value(item);
        }
        m_out.append(u']');
    }

private:
    void value(const QJsonValue &value)
    {
        switch (value.type()) {
        case QJsonValue::Bool:
            m_out.append(value.toBool() ? u"true" : u"false");
            return;
        case QJsonValue::Double:
            number(value);
            return;
        case QJsonValue::String:
            string(value.toString());
            return;
        case QJsonValue::Array:
            array(value.toArray());
            return;
        case QJsonValue::Object:
            object(value.toObject());
            return;
        case QJsonValue::Null:
        case QJsonValue::Undefined:
            break;
        }
        m_out.append(u"null");
    }

    void number(const QJsonValue &value)
    {
        // A JSON number is held as a 64-bit integer when it was written as one, else a double.
        const QCborValue held = QCborValue::fromJsonValue(value);
        if (held.isInteger()) {
            m_out.append(QString::number(held.toInteger()));
            return;
        }
        const double d = held.toDouble();
        if (!std::isfinite(d)) {
            m_out.append(u"null");
            return;
        }
        m_out.append(QString::number(d, 'g', QLocale::FloatingPointShortest));
    }

public:
    void string(QStringView text)
    {
        static constexpr char16_t kHex[] = u"0123456789abcdef";
        m_out.append(u'"');
        const char16_t *begin = text.utf16();
        const char16_t *end = begin + text.size();
        const char16_t *plain = begin; // start of the run not yet appended
        for (const char16_t *at = begin; at != end; ++at) {
            const char16_t c = *at;
            const bool control = c < 0x20 || c == u'"' || c == u'\\';
            bool loneSurrogate = false;
            if (c >= 0xd800 && c <= 0xdfff) {
                const bool high = c < 0xdc00;
                if (high && at + 1 != end && at[1] >= 0xdc00 && at[1] <= 0xdfff) {
                    ++at; // a valid pair: verbatim
                    continue;
                }
                loneSurrogate = true;
            }
            if (!control && !loneSurrogate)
                continue;
            m_out.append(QStringView(plain, at));
            plain = at + 1;
            m_out.append(u'\\');
            switch (c) {
            case u'"':
                m_out.append(u'"');
                break;
            case u'\\':
                m_out.append(u'\\');
                break;
            case 0x08:
                m_out.append(u'b');
                break;
            case 0x0c:
                m_out.append(u'f');
                break;
            case 0x0a:
                m_out.append(u'n');
                break;
            case 0x0d:
                m_out.append(u'r');
                break;
            case 0x09:
                m_out.append(u't');
                break;
            default: {
                const char16_t escape[] = {u'u', kHex[(c >> 12) & 0xf], kHex[(c >> 8) & 0xf],
                                           kHex[(c >> 4) & 0xf], kHex[c & 0xf]};
                m_out.append(QStringView(escape, 5));
            }
            }
        }
        m_out.append(QStringView(plain, end));
        m_out.append(u'"');
    }

private:
    QString &m_out;
};

} // namespace

void appendJsonString(QString &out, QStringView text)
{
    CompactWriter(out).string(text);
}

QString toCompactJson(const QJsonObject &object)
{
    QString out;
    out.reserve(256);
    CompactWriter(out).object(object);
    return out;
}

QString toCompactJson(const QJsonArray &array)
{
    QString out;
    out.reserve(256);
    CompactWriter(out).array(array);
    return out;
}

} // namespace gx
