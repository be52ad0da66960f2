#pragma once

#include <QJsonObject>
#include <QString>

namespace gx {

/** The languages the UI and every message speak: Chinese first, English second. */
enum class Language
{
    Zh,
    En
};

/**
 * A person-readable text in both languages of the system. Labels of the survey definition,
 * validation messages and region names all carry one, so that the app, the server's error
 * answers and exports can each pick the reader's language.
 */
struct LocalizedText
{
    QString zh;
    QString en;

    [[nodiscard]] QString text(Language language) const;
    [[nodiscard]] bool isEmpty() const { return zh.isEmpty() && en.isEmpty(); }
    /** The JSON form used in assets/: {"zh_CN": "...", "en": "..."}. */
    [[nodiscard]] QJsonObject toJson() const;
    /** Reads the JSON form; a member that is missing stays empty. */
    [[nodiscard]] static LocalizedText fromJson(const QJsonObject &object);

    friend bool operator==(const LocalizedText &, const LocalizedText &) = default;
};

} // namespace gx
