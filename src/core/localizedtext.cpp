#include "core/localizedtext.h"

namespace gx {

QString LocalizedText::text(Language language) const
{
    if (language == Language::En && !en.isEmpty())
        return en;
    return zh.isEmpty() ? en : zh;
}

QJsonObject LocalizedText::toJson() const
{
    return QJsonObject{{QStringLiteral("zh_CN"), zh}, {QStringLiteral("en"), en}};
}

LocalizedText LocalizedText::fromJson(const QJsonObject &object)
{
    return LocalizedText{object.value(QStringLiteral("zh_CN")).toString(),
                         object.value(QStringLiteral("en")).toString()};
}

} // namespace gx
