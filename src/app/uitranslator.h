#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class QQmlEngine;
class QTranslator;

namespace gx {

/**
 * The UI's language: installs the compiled translations (:/i18n/PART_zh_CN.qm, one per part of
 * the UI) for Chinese and removes them for English (the source strings), then asks every QML
 * engine it knows to re-evaluate its qsTr() bindings, so a switch takes effect without a restart.
 */
class UiTranslator
{
public:
    UiTranslator();
    ~UiTranslator();
    UiTranslator(const UiTranslator &) = delete;
    UiTranslator &operator=(const UiTranslator &) = delete;

    /** "zh_CN" or "en". Returns false when a translation file would not load. */
    bool apply(const QString &language);
    /** Retranslates this engine on every later switch. */
    void attach(QQmlEngine *engine);
    /** The .qm files found for the current language (diagnostics, tests). */
    [[nodiscard]] int loadedCount() const { return int(m_translators.size()); }

private:
    void removeAll();

    QList<std::shared_ptr<QTranslator>> m_translators;
    QList<QPointer<QQmlEngine>> m_engines;
};

} // namespace gx
