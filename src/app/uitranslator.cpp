#include "app/uitranslator.h"

#include "app/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QQmlEngine>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace gx {

UiTranslator::UiTranslator() = default;

UiTranslator::~UiTranslator()
{
    removeAll();
}

void UiTranslator::removeAll()
{
    for (const auto &translator : std::as_const(m_translators))
        QCoreApplication::removeTranslator(translator.get());
    m_translators.clear();
}

bool UiTranslator::apply(const QString &language)
{
    removeAll();
    bool ok = true;
    if (language != u"en"_s) {
        const QString suffix = u"_"_s + language + u".qm"_s;
        const QDir dir(u":/i18n"_s);
        for (const QString &name : dir.entryList({u"*"_s + suffix}, QDir::Files)) {
            auto translator = std::make_shared<QTranslator>();
            if (!translator->load(dir.filePath(name))) {
                qCWarning(lcApp) << "translation" << name << "does not load";
                ok = false;
                continue;
            }
            QCoreApplication::installTranslator(translator.get());
            m_translators.append(translator);
        }
    }
    for (const QPointer<QQmlEngine> &engine : std::as_const(m_engines)) {
        if (engine)
            engine->retranslate();
    }
    return ok;
}

void UiTranslator::attach(QQmlEngine *engine)
{
    if (engine && !m_engines.contains(engine))
        m_engines.append(engine);
}

} // namespace gx
